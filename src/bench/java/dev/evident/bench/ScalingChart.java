package dev.evident.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Draws the scaling chart of docs/performance.md: seconds against findings on log-log
 * axes, one line per series, with a dotted line of slope 1 (linear scaling) for
 * reference.
 */
final class ScalingChart {

	record Series(String name, Color color, List<double[]> points) {
	}

	private static final int W = 900;

	private static final int H = 560;

	private static final int LEFT = 80;

	private static final int RIGHT = 230;

	private static final int TOP = 50;

	private static final int BOTTOM = 60;

	private ScalingChart() {
	}

	static void write(Path png, String title, List<Series> series) throws IOException {
		System.setProperty("java.awt.headless", "true");
		double minX = Double.MAX_VALUE, maxX = 0, minY = Double.MAX_VALUE, maxY = 0;
		for (Series s : series) {
			for (double[] p : s.points()) {
				minX = Math.min(minX, p[0]);
				maxX = Math.max(maxX, p[0]);
				minY = Math.min(minY, p[1]);
				maxY = Math.max(maxY, p[1]);
			}
		}
		double x0 = Math.floor(Math.log10(minX)), x1 = Math.ceil(Math.log10(maxX));
		double y0 = Math.floor(Math.log10(Math.max(minY, 0.01))), y1 = Math.ceil(Math.log10(maxY));
		if (x1 == x0) {
			x1 = x0 + 1;
		}
		if (y1 == y0) {
			y1 = y0 + 1;
		}
		BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, W, H);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		g.setColor(Color.DARK_GRAY);
		g.drawString(title, LEFT, 30);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		int pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
		// grid and axes
		for (double e = x0; e <= x1; e++) {
			int x = LEFT + (int) ((e - x0) / (x1 - x0) * pw);
			g.setColor(new Color(225, 225, 225));
			g.drawLine(x, TOP, x, TOP + ph);
			g.setColor(Color.DARK_GRAY);
			g.drawString(String.format(Locale.ROOT, "%,.0f", Math.pow(10, e)), x - 20, TOP + ph + 18);
		}
		for (double e = y0; e <= y1; e++) {
			int y = TOP + ph - (int) ((e - y0) / (y1 - y0) * ph);
			g.setColor(new Color(225, 225, 225));
			g.drawLine(LEFT, y, LEFT + pw, y);
			g.setColor(Color.DARK_GRAY);
			g.drawString(format(Math.pow(10, e)) + " s", 8, y + 4);
		}
		g.drawRect(LEFT, TOP, pw, ph);
		g.drawString("findings (log scale)", LEFT + pw / 2 - 50, H - 15);
		// linear reference through the first point of the first series
		if (!series.isEmpty() && !series.get(0).points().isEmpty()) {
			double[] p = series.get(0).points().get(0);
			g.setColor(Color.GRAY);
			g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 4, 4 }, 0));
			double lx0 = Math.log10(p[0]), ly0 = Math.log10(p[1]);
			g.drawLine(px(lx0, x0, x1, pw), py(ly0, y0, y1, ph), px(x1, x0, x1, pw), py(ly0 + (x1 - lx0), y0, y1, ph));
		}
		int legend = TOP;
		for (Series s : series) {
			g.setColor(s.color());
			g.setStroke(new BasicStroke(2.5f));
			int[] xs = new int[s.points().size()];
			int[] ys = new int[s.points().size()];
			for (int i = 0; i < xs.length; i++) {
				xs[i] = px(Math.log10(s.points().get(i)[0]), x0, x1, pw);
				ys[i] = py(Math.log10(Math.max(s.points().get(i)[1], 0.01)), y0, y1, ph);
				g.fillOval(xs[i] - 4, ys[i] - 4, 8, 8);
			}
			g.drawPolyline(xs, ys, xs.length);
			g.drawLine(LEFT + pw + 15, legend + 6, LEFT + pw + 40, legend + 6);
			g.setColor(Color.DARK_GRAY);
			g.drawString(s.name(), LEFT + pw + 46, legend + 10);
			legend += 22;
		}
		g.setColor(Color.GRAY);
		g.drawString("dotted: linear scaling", LEFT + pw + 15, legend + 10);
		g.dispose();
		Files.createDirectories(png.toAbsolutePath().getParent());
		ImageIO.write(image, "png", png.toFile());
	}

	private static int px(double lx, double x0, double x1, int pw) {
		return LEFT + (int) ((lx - x0) / (x1 - x0) * pw);
	}

	private static int py(double ly, double y0, double y1, int ph) {
		return TOP + ph - (int) ((ly - y0) / (y1 - y0) * ph);
	}

	private static String format(double v) {
		return v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
	}

}
