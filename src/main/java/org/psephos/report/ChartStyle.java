package org.psephos.report;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The look shared by every Psephos chart: the Okabe–Ito palette for lines and bars (Okabe and Ito 2008, "Color
 * Universal Design"; distinguishable with every common colour-vision deficiency), viridis for heat maps (van der
 * Walt and Smith, matplotlib 2.0), white backgrounds, and fonts large enough to read when a 1200-pixel chart is shown
 * at half size. Public for the reports of country cases ({@code org.psephos.cases}); stateless.
 *
 * @since 0.1
 */
public final class ChartStyle {
    /** Okabe–Ito: blue, vermilion, bluish green, orange, reddish purple, sky blue, yellow, black. */
    static final Color[] OKABE_ITO = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};
    /** Viridis (van der Walt and Smith, matplotlib 2.0), ten stops from low to high. */
    static final Color[] VIRIDIS = {
        new Color(0x440154), new Color(0x482878), new Color(0x3E4A89), new Color(0x31688E), new Color(0x26828E),
        new Color(0x1F9E89), new Color(0x35B779), new Color(0x6DCD59), new Color(0xB4DE2C), new Color(0xFDE725)};
    /** Default chart width and height in pixels. */
    public static final int WIDTH = 1200;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 600;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartStyle() {
    }

    /**
     * @param name a name from the input (a party's full registered name can run to 80 characters, and several
     *             parties' names often share a long prefix such as "Political party", so the end is kept too)
     * @param max  about the most characters to keep (word boundaries may add two or three), at least 10
     * @return the name, with its middle replaced by an ellipsis at word boundaries if longer than max
     */
    public static String shorten(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        int half = (max - 1) / 2;
        int head = name.lastIndexOf(' ', half);
        head = head > half / 2 ? head : half;
        int tail = name.indexOf(' ', name.length() - (max - 1 - head));
        tail = tail > 0 && tail < name.length() - 1 && name.length() - tail <= max - 1 - head + half / 2 ? tail + 1
                : name.length() - (max - 1 - head);
        return name.substring(0, head).strip() + " \u2026 " + name.substring(tail).strip();
    }

    /** @param i a series index @return its Okabe–Ito colour, cycling */
    static Color colour(int i) {
        return OKABE_ITO[Math.floorMod(i, OKABE_ITO.length)];
    }

    /** @param c a colour @param alpha 0..255 @return the colour with that opacity */
    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Applies fonts, backgrounds, the palette and a legend outside the plot. */
    public static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setPlotGridLinesColor(new Color(0xDDDDDD));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setSeriesColors(OKABE_ITO);
        s.setAntiAlias(true);
    }
}
