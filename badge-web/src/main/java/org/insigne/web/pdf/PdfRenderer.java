package org.insigne.web.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders a Thymeleaf template to an accessible PDF: tagged (PDF/UA: structure tree, {@code /Lang} from the
 * root element's {@code lang}, title from {@code <title>}, description from {@code <meta name="subject">}),
 * every glyph from the embedded DejaVu Sans, and files attached as associated files. Templates are processed
 * in XML mode, because the layout engine reads XHTML.
 *
 * <p>Pages ask for fonts by the family {@value #FONT_FAMILY}. Images must be {@code data:} URIs (see
 * {@link QrCodes#pngDataUri(String)}): the renderer loads nothing else, so text a user wrote (criteria in
 * Markdown, say) cannot make the server fetch an address or read a file.
 */
@Component
public class PdfRenderer {

    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final byte[] REGULAR = resource("/pdf/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("/pdf/fonts/DejaVuSans-Bold.ttf");

    private final ISpringTemplateEngine templates;

    PdfRenderer(ISpringTemplateEngine templates) {
        this.templates = templates;
    }

    /** The template (a name under {@code templates/}, like a page's) rendered with the model in the locale. */
    public byte[] render(String template, Map<String, ?> model, Locale locale, List<PdfAttachment> attachments) {
        Context context = new Context(locale);
        model.forEach(context::setVariable);
        String xhtml = templates.process(new TemplateSpec(template, TemplateMode.XML), context);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .usePdfUaAccessibility(true)
                .withProducer("Insigne")
                .useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true)
                .useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true)
                .useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withHtmlContent(xhtml, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer();
             PDDocument document = renderer.createPDFKeepOpen()) {
            attach(document, attachments);
            document.save(out);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return out.toByteArray();
    }

    private static void attach(PDDocument document, List<PdfAttachment> attachments) throws IOException {
        if (attachments.isEmpty()) {
            return;
        }
        Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        Map<String, PDComplexFileSpecification> names = new LinkedHashMap<>();
        COSArray associated = new COSArray();
        for (PdfAttachment attachment : attachments) {
            byte[] content = attachment.content();
            PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(content));
            file.setSubtype(attachment.mediaType());
            file.setSize(content.length);
            file.setModDate(now);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(attachment.fileName());
            spec.setFileUnicode(attachment.fileName());
            spec.setFileDescription(attachment.description());
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), attachment.relationship());
            names.put(attachment.fileName(), spec);
            associated.add(spec);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(names);
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentNameDictionary dictionary = new PDDocumentNameDictionary(catalog);
        dictionary.setEmbeddedFiles(tree);
        catalog.setNames(dictionary);
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path);
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
