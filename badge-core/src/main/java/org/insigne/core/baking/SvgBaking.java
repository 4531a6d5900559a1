package org.insigne.core.baking;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.insigne.core.baking.BakingFailed.Reason;
import org.jspecify.annotations.Nullable;

/**
 * SVG baking (OB 2.0 baking spec "SVGs"; OB 3.0 docformat "Baking SVG"). Documents are read with a StAX parser
 * that has DTD processing and external entities switched off; a DOCTYPE with an internal subset (the only
 * place entities can be declared) is refused outright. A plain DOCTYPE naming the SVG 1.1 DTD is common in
 * exported badges (the 1EdTech samples have one) and is accepted, the DTD itself never being loaded. Baking
 * edits the text of the document rather than re-serialising it, so that everything else is kept as written.
 */
final class SvgBaking {

    static final String OB2_NAMESPACE = "http://openbadges.org";
    static final String OB3_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

    private static final Pattern OPENBADGES_XMLNS =
            Pattern.compile("\\sxmlns:openbadges\\s*=\\s*(\"[^\"]*\"|'[^']*')");

    private final BakingLimits limits;

    SvgBaking(BakingLimits limits) {
        this.limits = limits;
    }

    BakedPayload unbake(byte[] svg) throws BakingFailed {
        Parsed parsed = parse(svg, true);
        if (parsed.badges.isEmpty()) {
            throw new BakingFailed(Reason.NO_BADGE);
        }
        Found found = parsed.badges.get(0);
        String verify = found.verify == null ? null : found.verify.strip();
        String body = found.body.strip();
        // Hosted OB 2.0 and embedded-proof OB 3.0 carry JSON in the body; signed ones only a verify attribute.
        String text = !body.isEmpty() ? body : verify;
        if (text == null || text.isEmpty()) {
            throw new BakingFailed(Reason.INVALID_PAYLOAD);
        }
        return new BakedPayload(found.kind, text, verify == null || verify.isEmpty() ? null : verify);
    }

    byte[] bake(byte[] svg, BakedPayload payload) throws BakingFailed {
        Payloads.utf8(payload, limits);
        Parsed parsed = parse(svg, false);
        for (Found found : parsed.badges) {
            if (found.kind != payload.kind()) {
                throw new BakingFailed(Reason.OTHER_KIND_PRESENT);
            }
        }
        String declared = parsed.declaredEncoding;
        String encoding = parsed.encoding;
        if (declared != null && !isUtf8(declared)) {
            throw new BakingFailed(Reason.UNSUPPORTED_ENCODING, declared);
        }
        if (encoding != null && !isUtf8(encoding)) {
            throw new BakingFailed(Reason.UNSUPPORTED_ENCODING, declared != null ? declared : encoding);
        }
        int bom = svg.length >= 3 && (svg[0] & 0xff) == 0xef && (svg[1] & 0xff) == 0xbb && (svg[2] & 0xff) == 0xbf
                ? 3 : 0;
        String doc = new String(svg, bom, svg.length - bom, StandardCharsets.UTF_8);
        Layout layout = layout(doc, parsed.badges);

        String namespace = payload.kind() == PayloadKind.OB2_ASSERTION ? OB2_NAMESPACE : OB3_NAMESPACE;
        String rootTag = doc.substring(layout.rootStart, layout.rootEnd);
        Matcher declaration = OPENBADGES_XMLNS.matcher(rootTag);
        if (declaration.find()) {
            String value = declaration.group(1);
            if (!value.substring(1, value.length() - 1).equals(namespace)) {
                rootTag = rootTag.substring(0, declaration.start(1)) + '"' + namespace + '"'
                        + rootTag.substring(declaration.end(1));
            }
        } else {
            int afterName = 1 + layout.rootName.length();
            rootTag = rootTag.substring(0, afterName) + " xmlns:openbadges=\"" + namespace + '"'
                    + rootTag.substring(afterName);
        }
        if (layout.rootSelfClosing) {
            rootTag = rootTag.substring(0, rootTag.length() - 2) + '>';
        }

        StringBuilder out = new StringBuilder(doc.length() + payload.text().length() * 11 / 10 + 200);
        out.append(doc, 0, layout.rootStart).append(rootTag).append(element(payload));
        int from = layout.rootEnd;
        for (int[] range : layout.badgeRanges) {
            out.append(doc, from, range[0]);
            from = range[1];
        }
        out.append(doc, from, doc.length());
        if (layout.rootSelfClosing) {
            int closeAt = out.length() - (doc.length() - layout.rootEnd);
            out.insert(closeAt, "</" + layout.rootName + '>');
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        if (bom == 0) {
            return text;
        }
        byte[] withBom = new byte[text.length + 3];
        System.arraycopy(svg, 0, withBom, 0, 3);
        System.arraycopy(text, 0, withBom, 3, text.length);
        return withBom;
    }

    /** The badge element, placed right after the root start tag as both specifications say. */
    private static String element(BakedPayload payload) throws BakingFailed {
        String name = payload.kind() == PayloadKind.OB2_ASSERTION ? "openbadges:assertion" : "openbadges:credential";
        String text = payload.text().strip();
        String verify = payload.verifyAttribute();
        if (text.startsWith("{")) {
            // Hosted OB 2.0 (verify = assertion URL) or OB 3.0 with an embedded proof (no verify): JSON body.
            StringBuilder element = new StringBuilder(text.length() + 100).append('<').append(name);
            if (verify != null) {
                element.append(" verify=\"").append(escapeAttribute(verify)).append('"');
            }
            // "]]>" cannot appear inside CDATA: end the section there and open a new one.
            return element.append("><![CDATA[").append(text.replace("]]>", "]]]]><![CDATA[>"))
                    .append("]]></").append(name).append('>').toString();
        }
        // Signed OB 2.0 or VC-JWT OB 3.0 (or a legacy assertion URL): the attribute alone, empty element.
        if (verify != null && !verify.strip().equals(text)) {
            throw new BakingFailed(Reason.INVALID_PAYLOAD);
        }
        return '<' + name + " verify=\"" + escapeAttribute(text) + "\"/>";
    }

    private Parsed parse(byte[] svg, boolean stopAtSecondBadge) throws BakingFailed {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not loaded");
        });
        List<Found> badges = new ArrayList<>(1);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(svg));
            String declared = reader.getCharacterEncodingScheme();
            String encoding = reader.getEncoding();
            int depth = 0;
            int ordinal = -1;
            int badgeDepth = 0;
            PayloadKind badgeKind = null;
            int badgeOrdinal = -1;
            String verify = null;
            StringBuilder body = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        if (reader.getText().indexOf('[') >= 0) {
                            throw new BakingFailed(Reason.UNSAFE_XML);
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                            throw new BakingFailed(Reason.UNSAFE_XML);
                    case XMLStreamConstants.START_ELEMENT -> {
                        ordinal++;
                        depth++;
                        if (depth == 1 && !"svg".equals(reader.getLocalName())) {
                            throw new BakingFailed(Reason.MALFORMED_SVG);
                        }
                        PayloadKind kind = badgeDepth == 0 ? kindOf(reader.getNamespaceURI(), reader.getLocalName())
                                : null;
                        if (kind != null) {
                            if (stopAtSecondBadge && !badges.isEmpty()) {
                                throw new BakingFailed(Reason.AMBIGUOUS);
                            }
                            badgeDepth = depth;
                            badgeKind = kind;
                            badgeOrdinal = ordinal;
                            verify = verifyAttribute(reader);
                            body.setLength(0);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (badgeDepth != 0 && depth == badgeDepth) {
                            body.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                            if (body.length() > limits.maxPayloadBytes()) {
                                throw new BakingFailed(Reason.PAYLOAD_TOO_LARGE, limits.maxPayloadBytes());
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (badgeKind != null && depth == badgeDepth) {
                            badges.add(new Found(badgeKind, badgeOrdinal, verify, body.toString()));
                            badgeDepth = 0;
                            badgeKind = null;
                        }
                        depth--;
                    }
                    default -> {
                        // comments, processing instructions, document end
                    }
                }
            }
            if (ordinal < 0) {
                throw new BakingFailed(Reason.MALFORMED_SVG);
            }
            return new Parsed(badges, declared, encoding);
        } catch (XMLStreamException | RuntimeException e) {
            // Not well-formed, undeclared entity (entities cannot be declared, see above), bad encoding...
            throw new BakingFailed(Reason.MALFORMED_SVG);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release: the input is in memory
                }
            }
        }
    }

    private static @Nullable String verifyAttribute(XMLStreamReader reader) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if ("verify".equals(reader.getAttributeLocalName(i))) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    private static @Nullable PayloadKind kindOf(@Nullable String namespace, String localName) {
        if (OB2_NAMESPACE.equals(namespace) && "assertion".equals(localName)) {
            return PayloadKind.OB2_ASSERTION;
        }
        if (OB3_NAMESPACE.equals(namespace) && "credential".equals(localName)) {
            return PayloadKind.OB3_CREDENTIAL;
        }
        return null;
    }

    /**
     * Finds the root start tag and the text ranges of the existing badge elements. The document has already been
     * accepted by the parser, so a light scan suffices: '<' cannot appear raw in text or attribute values, and
     * comments, CDATA sections, processing instructions and the DOCTYPE are skipped whole. Start tags are counted
     * in document order, as the parser counted them.
     */
    private static Layout layout(String doc, List<Found> badges) throws BakingFailed {
        Layout layout = new Layout();
        int badgeIndex = 0;
        int pendingDepth = -1;
        int[] pending = null;
        int ordinal = -1;
        int depth = 0;
        int i = 0;
        while ((i = doc.indexOf('<', i)) >= 0) {
            if (doc.startsWith("<!--", i)) {
                i = after(doc, i + 4, "-->");
            } else if (doc.startsWith("<![CDATA[", i)) {
                i = after(doc, i + 9, "]]>");
            } else if (doc.startsWith("<?", i)) {
                i = after(doc, i + 2, "?>");
            } else if (doc.startsWith("<!", i)) {
                i = afterDeclaration(doc, i + 2);
            } else if (doc.startsWith("</", i)) {
                i = after(doc, i + 2, ">");
                depth--;
                if (pending != null && depth == pendingDepth) {
                    pending[1] = i;
                    layout.badgeRanges.add(pending);
                    pending = null;
                }
            } else {
                int end = afterTag(doc, i + 1);
                boolean selfClosing = doc.charAt(end - 2) == '/';
                ordinal++;
                if (ordinal == 0) {
                    layout.rootStart = i;
                    layout.rootEnd = end;
                    layout.rootSelfClosing = selfClosing;
                    int nameEnd = i + 1;
                    while (nameEnd < end && !Character.isWhitespace(doc.charAt(nameEnd))
                            && doc.charAt(nameEnd) != '/' && doc.charAt(nameEnd) != '>') {
                        nameEnd++;
                    }
                    layout.rootName = doc.substring(i + 1, nameEnd);
                }
                if (badgeIndex < badges.size() && badges.get(badgeIndex).ordinal == ordinal) {
                    badgeIndex++;
                    if (selfClosing) {
                        layout.badgeRanges.add(new int[] {i, end});
                    } else {
                        pending = new int[] {i, -1};
                        pendingDepth = depth;
                    }
                }
                if (!selfClosing) {
                    depth++;
                }
                i = end;
            }
        }
        if (layout.rootName.isEmpty() || layout.badgeRanges.size() != badges.size()) {
            throw new BakingFailed(Reason.MALFORMED_SVG);
        }
        return layout;
    }

    private static int after(String doc, int from, String terminator) throws BakingFailed {
        int at = doc.indexOf(terminator, from);
        if (at < 0) {
            throw new BakingFailed(Reason.MALFORMED_SVG);
        }
        return at + terminator.length();
    }

    private static int afterTag(String doc, int from) throws BakingFailed {
        char quote = 0;
        for (int i = from; i < doc.length(); i++) {
            char c = doc.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        throw new BakingFailed(Reason.MALFORMED_SVG);
    }

    private static int afterDeclaration(String doc, int from) throws BakingFailed {
        char quote = 0;
        int brackets = 0;
        for (int i = from; i < doc.length(); i++) {
            char c = doc.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            } else if (c == '>' && brackets <= 0) {
                return i + 1;
            }
        }
        throw new BakingFailed(Reason.MALFORMED_SVG);
    }

    private static String escapeAttribute(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isUtf8(String encoding) {
        return encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8");
    }

    private record Found(PayloadKind kind, int ordinal, @Nullable String verify, String body) {
    }

    private record Parsed(List<Found> badges, @Nullable String declaredEncoding, @Nullable String encoding) {
    }

    private static final class Layout {
        int rootStart;
        int rootEnd;
        boolean rootSelfClosing;
        String rootName = "";
        final List<int[]> badgeRanges = new ArrayList<>(1);
    }
}
