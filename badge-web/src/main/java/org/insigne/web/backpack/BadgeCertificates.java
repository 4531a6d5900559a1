package org.insigne.web.backpack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.BadgeExport;
import org.insigne.backpack.badge.BadgeId;
import org.insigne.backpack.badge.BadgeImage;
import org.insigne.backpack.badge.StoredBadgeView;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.ImageFormat;
import org.insigne.web.pdf.PdfAttachment;
import org.insigne.web.pdf.PdfRenderer;
import org.insigne.web.pdf.QrCodes;
import org.insigne.web.system.DisplayDates;
import org.insigne.web.system.FileNames;
import org.insigne.web.verify.BadgeCard;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The certificate of a badge in a backpack: one A4 page (more when the criteria are long) to print or send,
 * whose QR code and short link lead to the badge's public page, which always shows its live state, and which
 * carries the badge itself as an attached file, byte for byte as kept (the OB 3.0 credential as issued), so
 * that a reader can verify it without the page. What the owner's account holds is read on the caller's thread;
 * the layout runs on the verification executor, off the request thread.
 */
@Component
class BadgeCertificates {

    /** How the certificate names its holder: the owner chooses, each time. */
    enum EarnerName {
        FULL, INITIALS, NONE;

        static EarnerName of(@Nullable String value) {
            return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(String.valueOf(value))).findFirst()
                    .orElse(FULL);
        }
    }

    /** A choice the owner's page offers, with the name as it would be printed (null for none). */
    record NameChoice(String key, @Nullable String shown) {
    }

    /** A certificate ready to hand out. */
    record Certificate(String fileName, byte[] pdf) {
    }

    private static final int MAX_SIDE = 2048;
    private static final String STYLE = PdfRenderer.stylesheet("/pdf/certificate.css");

    private final BackpackService collection;
    private final BadgeSharing sharing;
    private final Baker baker;
    private final DisplayDates dates;
    private final PdfRenderer renderer;
    private final MessageSource messages;
    private final AsyncTaskExecutor executor;

    BadgeCertificates(BackpackService collection, BadgeSharing sharing, Baker baker, DisplayDates dates,
                      PdfRenderer renderer, MessageSource messages,
                      @Qualifier("verificationExecutor") AsyncTaskExecutor executor) {
        this.collection = collection;
        this.sharing = sharing;
        this.baker = baker;
        this.dates = dates;
        this.renderer = renderer;
        this.messages = messages;
        this.executor = executor;
    }

    /** The certificate of a public badge of {@code ownerId}, named as {@code earner} says. */
    CompletableFuture<Certificate> certificate(BadgeId id, UUID ownerId, String displayName,
                                               EarnerName choice, Locale locale) {
        BadgeExport export = collection.export(ownerId, id);
        StoredBadgeView badge = export.badge();
        if (!badge.shared()) {
            throw new CertificateNeedsPublicBadge();
        }
        @Nullable BadgeImage image = badge.hasImage() ? collection.image(ownerId, id) : null;
        String publicUrl = sharing.publicUrl(badge.publicId());
        BadgeDownloads.Download carried = BadgeDownloads.credentialJson(export, baker)
                .orElseGet(() -> BadgeDownloads.original(export));
        Map<String, Object> model = new HashMap<>();
        model.put("style", STYLE);
        model.put("badge", badge);
        model.put("earner", earner(displayName, choice));
        model.put("image", image == null ? null : printable(image.bytes()));
        model.put("issuedOn", dates.date(badge.issuedOn(), locale));
        model.put("expires", dates.date(badge.expires(), locale));
        model.put("criteriaHtml", BadgeCard.criteriaHtml(badge.criteriaNarrative()));
        model.put("evidence", badge.extras().evidence().stream()
                .map(e -> e.narrative() != null ? e.narrative() : e.url()).toList());
        model.put("publicUrl", publicUrl);
        model.put("shortUrl", sharing.shortUrl(badge.publicId()));
        model.put("attachmentName", carried.fileName());
        String fileName = messages.getMessage("pdf.certificate.file-name", null, locale) + "-"
                + FileNames.slug(badge.name()) + ".pdf";
        PdfAttachment attachment = new PdfAttachment(carried.fileName(), carried.mediaType(),
                messages.getMessage("pdf.certificate.attachment", null, locale), "Source", carried.bytes());
        return CompletableFuture.supplyAsync(() -> {
            model.put("qr", QrCodes.pngDataUri(publicUrl));
            return new Certificate(fileName,
                    renderer.render("pdf/certificate", model, locale, List.of(attachment)));
        }, executor);
    }

    static List<NameChoice> choices(String displayName) {
        return Arrays.stream(EarnerName.values())
                .map(choice -> new NameChoice(choice.name().toLowerCase(Locale.ROOT), earner(displayName, choice)))
                .toList();
    }

    /**
     * The badge image as the certificate shows it, or null: a PNG of at most {@value #MAX_SIDE} pixels a side.
     * Its size is read from the header first, since laying it out decodes every pixel and an image in a
     * backpack was only ever parsed chunk by chunk; SVG is left out, as the layout engine draws none.
     */
    static @Nullable String printable(byte[] image) {
        if (ImageFormat.sniff(image).orElse(null) != ImageFormat.PNG || image.length < 24
                || !new String(image, 12, 4, StandardCharsets.US_ASCII).equals("IHDR")) {
            return null;
        }
        long width = ByteBuffer.wrap(image, 16, 4).getInt() & 0xFFFFFFFFL;
        long height = ByteBuffer.wrap(image, 20, 4).getInt() & 0xFFFFFFFFL;
        if (width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE) {
            return null;
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(image);
    }

    /** The name as printed, or null for none: initials keep the first letter of each part ("J.-L. D."). */
    static @Nullable String earner(String displayName, EarnerName choice) {
        String name = displayName.strip();
        if (choice == EarnerName.NONE || name.isEmpty()) {
            return null;
        }
        if (choice == EarnerName.FULL) {
            return name;
        }
        return Arrays.stream(name.split("\\s+"))
                .map(word -> Arrays.stream(word.split("-")).filter(part -> !part.isEmpty())
                        .map(part -> part.substring(0, part.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT) + ".")
                        .collect(Collectors.joining("-")))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.joining(" "));
    }
}
