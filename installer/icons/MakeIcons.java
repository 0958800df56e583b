import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Draws Switchboard's application icon (a patch panel: two rows of jacks joined by three cords) and writes it as
 * {@code switchboard.png} (256 px, Linux), {@code switchboard.ico} (Windows: 16 to 256 px) and {@code switchboard.icns}
 * (macOS: 16 to 1024 px). The files are committed; run this again only to change the icon:
 * <pre>java -Djava.awt.headless=true installer/icons/MakeIcons.java installer/icons</pre>
 */
public final class MakeIcons {
    private MakeIcons() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        Files.write(out.resolve("switchboard.png"), png(draw(256)));

        int[] icoSizes = {16, 24, 32, 48, 64, 128, 256};
        Files.write(out.resolve("switchboard.ico"), ico(icoSizes));

        Map<String, Integer> icns = new LinkedHashMap<>();
        icns.put("icp4", 16);
        icns.put("icp5", 32);
        icns.put("icp6", 64);
        icns.put("ic07", 128);
        icns.put("ic08", 256);
        icns.put("ic09", 512);
        icns.put("ic10", 1024);
        icns.put("ic11", 32);
        icns.put("ic12", 64);
        icns.put("ic13", 256);
        icns.put("ic14", 512);
        Files.write(out.resolve("switchboard.icns"), icns(icns));
        System.out.println("wrote switchboard.png, switchboard.ico and switchboard.icns to " + out.toAbsolutePath());
    }

    /** The icon at {@code size} pixels, drawn on a 1024-unit canvas. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double s = size / 1024.0;
        g.scale(s, s);

        // a rounded tile, deep blue to teal
        RoundRectangle2D tile = new RoundRectangle2D.Double(48, 48, 928, 928, 220, 220);
        g.setPaint(new GradientPaint(0, 48, new Color(0x1D4ED8), 0, 976, new Color(0x0F766E)));
        g.fill(tile);
        g.setPaint(new Color(255, 255, 255, 40));
        g.setStroke(new BasicStroke(12f));
        g.draw(new RoundRectangle2D.Double(54, 54, 916, 916, 212, 212));

        // the panel's two rows of jacks
        double[] xs = {272, 512, 752};
        double top = 300;
        double bottom = 724;
        // cords first, so the jacks sit on top of their ends
        Color[] cords = {new Color(0xFBBF24), new Color(0xF472B6), new Color(0x5EEAD4)};
        int[][] links = {{0, 2}, {1, 0}, {2, 1}};
        g.setStroke(new BasicStroke(44f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < links.length; i++) {
            double x1 = xs[links[i][0]];
            double x2 = xs[links[i][1]];
            g.setPaint(cords[i]);
            g.draw(new CubicCurve2D.Double(x1, top, x1, top + 300, x2, bottom - 300, x2, bottom));
        }
        for (double x : xs) {
            jack(g, x, top);
            jack(g, x, bottom);
        }
        g.dispose();
        return img;
    }

    private static void jack(Graphics2D g, double x, double y) {
        double r = 74;
        g.setPaint(Color.WHITE);
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        double h = 30;
        g.setPaint(new Color(0x1E293B));
        g.fill(new Ellipse2D.Double(x - h, y - h, 2 * h, 2 * h));
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    /** A Windows .ico whose entries hold PNG data (read by Windows Vista and later). */
    static byte[] ico(int[] sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = png(draw(sizes[i]));
        }
        int header = 6 + 16 * sizes.length;
        int total = header;
        for (byte[] image : images) {
            total += image.length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = header;
        for (int i = 0; i < sizes.length; i++) {
            int dim = sizes[i] >= 256 ? 0 : sizes[i];
            b.put((byte) dim).put((byte) dim).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32);
            b.putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        for (byte[] image : images) {
            b.put(image);
        }
        return b.array();
    }

    /** A macOS .icns whose entries hold PNG data, one per icon type. */
    static byte[] icns(Map<String, Integer> types) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (Map.Entry<String, Integer> t : types.entrySet()) {
            byte[] data = png(draw(t.getValue()));
            d.writeBytes(t.getKey());
            d.writeInt(8 + data.length);
            d.write(data);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream f = new DataOutputStream(file);
        f.writeBytes("icns");
        f.writeInt(8 + body.size());
        f.write(body.toByteArray());
        return file.toByteArray();
    }
}
