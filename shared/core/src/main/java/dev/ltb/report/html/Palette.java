package dev.ltb.report.html;

import java.util.List;

/**
 * Colours from the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies. Charts
 * never rely on colour alone: every series is also labelled.
 */
public final class Palette {

  /** Provider colours in suite order; yellow comes last because it is faint on white. */
  public static final List<String> PROVIDERS =
      List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442");

  public static final String INK = "#1f2328";
  public static final String MUTED = "#59636e";
  public static final String GRID = "#d8dee4";

  private Palette() {}

  public static String provider(int providerIndex) {
    return PROVIDERS.get(Math.floorMod(providerIndex, PROVIDERS.size()));
  }
}
