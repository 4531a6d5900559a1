package org.insigne.web.backpack;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.insigne.backpack.badge.PublicBadgeView;
import org.insigne.backpack.badge.StoredBadgeView;
import org.insigne.backpack.badge.VerificationStatus;
import org.insigne.backpack.collection.BadgeCollectionView;
import org.insigne.backpack.collection.PublicCollectionView;
import org.insigne.backpack.sharing.PublicCvView;
import org.insigne.web.pdf.PdfRenderer;
import org.insigne.web.pdf.QrCodes;
import org.insigne.web.system.DisplayDates;
import org.insigne.web.system.FileNames;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A collection or an anonymous CV as a PDF to print or send: the certificate's way (one Thymeleaf template,
 * tagged A4 PDF in the reader's language, fonts embedded), one block per badge with the address of its public
 * page, and the QR code and address of the list's own public page, which shows the badges' state now. An
 * anonymous CV's PDF is made from its public view, so it holds nothing that names the earner. What is read
 * from the database is read on the caller's thread; the layout runs on the verification executor.
 */
@Component
class BadgeListPdfs {

    /** A PDF ready to hand out. */
    record Pdf(String fileName, byte[] bytes) {
    }

    /** One badge of the list, its dates and state already in the reader's words. */
    record Entry(String name, String issuerName, @Nullable String level, String issuedOn, String expires,
                 String statusKey, String checkedOn, @Nullable String publicUrl, boolean linked) {
    }

    private static final String STYLE = PdfRenderer.stylesheet("/pdf/certificate.css");

    private final PdfRenderer renderer;
    private final DisplayDates dates;
    private final MessageSource messages;
    private final Links links;
    private final AsyncTaskExecutor executor;

    BadgeListPdfs(PdfRenderer renderer, DisplayDates dates, MessageSource messages, Links links,
                  @Qualifier("verificationExecutor") AsyncTaskExecutor executor) {
        this.renderer = renderer;
        this.dates = dates;
        this.messages = messages;
        this.links = links;
        this.executor = executor;
    }

    /**
     * The owner's collection, every badge in it: a private badge is listed without an address. The list's own
     * address is given only while the collection is public.
     */
    CompletableFuture<Pdf> collection(BadgeCollectionView collection, Locale locale) {
        List<Entry> entries = collection.badges().stream().map(b -> entry(b, locale)).toList();
        return render(collection.name(), collection.description(), "collection", entries,
                collection.shared() ? links.absolute("/p/collections/" + collection.publicId()) : null, locale);
    }

    /** A public collection as anyone sees it: its public badges only. */
    CompletableFuture<Pdf> collection(PublicCollectionView collection, Locale locale) {
        List<Entry> entries = collection.badges().stream().map(b -> entry(b, locale)).toList();
        return render(collection.name(), collection.description(), "collection", entries,
                links.absolute("/p/collections/" + collection.publicId()), locale);
    }

    /** An anonymous CV, from what its public page shows and nothing more. */
    CompletableFuture<Pdf> cv(String publicId, PublicCvView cv, Locale locale) {
        List<Entry> entries = cv.badges().stream().map(b -> new Entry(b.name(), b.issuerName(), null,
                dates.date(b.issuedOn(), locale), dates.date(b.expires(), locale), statusKey(b.status()),
                dates.date(b.lastCheckedAt(), locale), publicUrl(b.publicId()), b.linked())).toList();
        String title = messages.getMessage("sharing.public-cv.title", null, locale);
        String intro = messages.getMessage("sharing.public-cv.intro", new Object[] {dates.date(cv.createdAt(), locale)},
                locale);
        return render(title, intro, "cv", entries, links.absolute("/p/cv/" + publicId), locale);
    }

    private Entry entry(StoredBadgeView badge, Locale locale) {
        return new Entry(badge.name(), badge.issuerName(), badge.level(), dates.date(badge.issuedOn(), locale),
                dates.date(badge.expires(), locale), statusKey(badge.status()),
                dates.date(badge.lastCheckedAt(), locale), badge.shared() ? publicUrl(badge.publicId()) : null, true);
    }

    private Entry entry(PublicBadgeView badge, Locale locale) {
        return new Entry(badge.name(), badge.issuerName(), badge.level(), dates.date(badge.issuedOn(), locale),
                dates.date(badge.expires(), locale), statusKey(badge.status()),
                dates.date(badge.lastCheckedAt(), locale), publicUrl(badge.publicId()), true);
    }

    /** A PDF as a file to save, never cached (a list's badges change). */
    static ResponseEntity<byte[]> attachment(String fileName, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }

    private @Nullable String publicUrl(@Nullable String publicId) {
        return publicId == null ? null : links.absolute("/p/badges/" + publicId);
    }

    private static String statusKey(VerificationStatus status) {
        return "backpack.public.status." + status.name().toLowerCase(Locale.ROOT);
    }

    private CompletableFuture<Pdf> render(String title, @Nullable String intro, String kind, List<Entry> entries,
                                          @Nullable String listUrl, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("style", STYLE);
        model.put("title", title);
        model.put("intro", intro);
        model.put("kind", kind);
        model.put("entries", entries);
        model.put("listUrl", listUrl);
        // A CV's title is the same for all: its file says only what it is.
        String fileName = messages.getMessage("pdf.list.file-name." + kind, null, locale)
                + (kind.equals("cv") ? "" : "-" + FileNames.slug(title)) + ".pdf";
        return CompletableFuture.supplyAsync(() -> {
            model.put("qr", listUrl == null ? null : QrCodes.pngDataUri(listUrl));
            return new Pdf(fileName, renderer.render("pdf/badge-list", model, locale, List.of()));
        }, executor);
    }
}
