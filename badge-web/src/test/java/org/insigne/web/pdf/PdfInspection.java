package org.insigne.web.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF read back the way a reader or an assistive tool would: text, tags, fonts, files and QR codes. */
public record PdfInspection(String text, String language, boolean structureTree, boolean marked,
                            String title, List<String> fontsNotEmbedded, Map<String, byte[]> attachments,
                            List<String> associatedFiles, int pages, List<String> qrCodes) {

    public static PdfInspection of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            COSDictionary markInfo = catalog.getCOSObject().getCOSDictionary(COSName.MARK_INFO);
            boolean marked = markInfo != null
                    && markInfo.getDictionaryObject(COSName.getPDFName("Marked")) instanceof COSBoolean flag && flag.getValue();
            List<String> notEmbedded = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (!font.isEmbedded()) {
                        notEmbedded.add(font.getName());
                    }
                }
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            if (catalog.getNames() != null && catalog.getNames().getEmbeddedFiles() != null) {
                PDEmbeddedFilesNameTreeNode tree = catalog.getNames().getEmbeddedFiles();
                for (Map.Entry<String, PDComplexFileSpecification> entry : tree.getNames().entrySet()) {
                    files.put(entry.getKey(), entry.getValue().getEmbeddedFileUnicode().toByteArray());
                }
            }
            List<String> associated = new ArrayList<>();
            if (catalog.getCOSObject().getDictionaryObject(COSName.getPDFName("AF")) instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    COSDictionary spec = (COSDictionary) array.getObject(i);
                    associated.add(spec.getString(COSName.UF) + " " + spec.getNameAsString("AFRelationship"));
                }
            }
            PDFRenderer renderer = new PDFRenderer(document);
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                // as a phone would: a second, sharper look when the first finds nothing
                Optional<String> code = decode(renderer.renderImageWithDPI(i, 150));
                if (code.isEmpty()) {
                    code = decode(renderer.renderImageWithDPI(i, 300));
                }
                code.ifPresent(codes::add);
            }
            return new PdfInspection(text(document), String.valueOf(catalog.getLanguage()),
                    catalog.getStructureTreeRoot() != null, marked,
                    String.valueOf(document.getDocumentInformation().getTitle()), notEmbedded, files, associated,
                    document.getNumberOfPages(), codes);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The page as an image, for a person to look at. */
    public static BufferedImage image(byte[] pdf, int page) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(page, 96);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The text with line breaks and hyphenation gaps turned into single spaces, to find a sentence in it. */
    public String flatText() {
        return text.replaceAll("\\s+", " ");
    }

    private static String text(PDDocument document) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(document);
    }

    private static Optional<String> decode(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText());
        } catch (NotFoundException | ChecksumException | FormatException none) {
            return Optional.empty();
        }
    }
}
