package dev.ltb.evaluator.xml;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Strict XML parsing with the JDK's parser, hardened for untrusted model output: a DOCTYPE is
 * refused outright, so no entity is ever declared or expanded (no XXE, no billion laughs), and
 * nothing external is loaded.
 */
final class XmlDocuments {

  private static final String DISALLOW_DOCTYPE =
      "http://apache.org/xml/features/disallow-doctype-decl";

  private static final DocumentBuilderFactory FACTORY = hardenedFactory();

  private static final ErrorHandler FAIL_ON_ERRORS =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private XmlDocuments() {}

  /**
   * The text as one XML document.
   *
   * @throws SAXParseException when it is not well-formed; {@link #describe} says why in one line
   */
  static Document parse(String xml) throws SAXParseException {
    try {
      return newBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (SAXParseException e) {
      throw e;
    } catch (SAXException e) {
      throw new SAXParseException(e.getMessage(), null, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Why a text is not well-formed XML, in one short line. */
  static String describe(SAXParseException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains(DISALLOW_DOCTYPE))
      return "it declares a DOCTYPE, which is refused (DTDs and entities are never processed)";
    if (e.getLineNumber() < 1) return message;
    return message + " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
  }

  private static DocumentBuilder newBuilder() {
    DocumentBuilder builder;
    synchronized (FACTORY) {
      try {
        builder = FACTORY.newDocumentBuilder();
      } catch (ParserConfigurationException e) {
        throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
      }
    }
    builder.setErrorHandler(FAIL_ON_ERRORS);
    builder.setEntityResolver(
        (publicId, systemId) -> {
          throw new SAXException("external entities are never loaded");
        });
    return builder;
  }

  private static DocumentBuilderFactory hardenedFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    try {
      factory.setFeature(DISALLOW_DOCTYPE, true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setNamespaceAware(false);
    return factory;
  }
}
