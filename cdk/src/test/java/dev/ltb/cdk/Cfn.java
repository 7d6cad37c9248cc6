package dev.ltb.cdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.assertions.Template;

/** Small readers over synthesized templates: resources by type, properties, and intrinsic values as text. */
final class Cfn {
  private Cfn() {}

  static Map<String, Map<String, Object>> resources(Template template, String type) {
    return template.findResources(type);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
  }

  static List<Map<String, Object>> propertiesOf(Template template, String type) {
    return resources(template, type).values().stream().map(Cfn::properties).toList();
  }

  /** An intrinsic as readable text: Fn::Join concatenated, Ref as {@code <Ref:Id>}, GetAtt as {@code <Id.Attr>}. */
  @SuppressWarnings("unchecked")
  static String text(Object value) {
    if (value == null) return "";
    if (value instanceof String string) return string;
    if (value instanceof Map<?, ?> map) {
      if (map.containsKey("Fn::Join")) {
        List<Object> join = (List<Object>) map.get("Fn::Join");
        return ((List<Object>) join.get(1)).stream().map(Cfn::text).collect(Collectors.joining((String) join.get(0)));
      }
      if (map.containsKey("Ref")) return "<Ref:" + map.get("Ref") + ">";
      if (map.containsKey("Fn::GetAtt")) {
        List<Object> att = (List<Object>) map.get("Fn::GetAtt");
        return "<" + att.get(0) + "." + att.get(1) + ">";
      }
      if (map.containsKey("Fn::ImportValue")) return "<Import:" + text(map.get("Fn::ImportValue")) + ">";
      if (map.containsKey("Fn::Select")) return "<Select>";
      if (map.containsKey("Fn::Split")) return "<Split>";
    }
    return String.valueOf(value);
  }

  /** Every IAM policy statement of a template: identity policies (AWS::IAM::Policy) and inline role policies. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> policyStatements(Template template) {
    List<Map<String, Object>> statements = new ArrayList<>();
    for (Map<String, Object> policy : propertiesOf(template, "AWS::IAM::Policy")) {
      statements.addAll((List<Map<String, Object>>) ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement"));
    }
    for (Map<String, Object> role : propertiesOf(template, "AWS::IAM::Role")) {
      for (Map<String, Object> inline : (List<Map<String, Object>>) role.getOrDefault("Policies", List.of())) {
        statements.addAll((List<Map<String, Object>>) ((Map<String, Object>) inline.get("PolicyDocument")).get("Statement"));
      }
    }
    return statements;
  }

  @SuppressWarnings("unchecked")
  static List<String> list(Object value) {
    if (value == null) return List.of();
    if (value instanceof List<?> items) return items.stream().map(Cfn::text).toList();
    return List.of(text(value));
  }
}
