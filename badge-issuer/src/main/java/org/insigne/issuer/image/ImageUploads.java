package org.insigne.issuer.image;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.insigne.issuer.image.InvalidImage.Why;

/**
 * Accepts a PNG or SVG upload, told apart by its first bytes, never by its name or the browser's declared type.
 * An SVG is served back to browsers, so any way it could run script or reach another site is refused: a DOCTYPE
 * (entities, external DTDs), processing instructions such as {@code xml-stylesheet}, {@code script} and
 * {@code foreignObject} elements, {@code on*} event attributes, and links other than in-document ({@code #id})
 * or embedded raster data. Refusing rather than stripping keeps the stored bytes exactly those that were sent.
 */
public final class ImageUploads {

    public static final int MAX_BYTES = 1024 * 1024;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed",
            "object", "handler", "listener");
    private static final Pattern SAFE_HREF = Pattern.compile(
            "#[\\w\\-.:]*|data:image/(png|jpeg|gif);base64,[A-Za-z0-9+/=\\s]*");
    /** Control characters and spaces browsers ignore inside a URL scheme, as in {@code java\tscript:}. */
    private static final Pattern IGNORED_IN_SCHEME = Pattern.compile("[\\x00-\\x20]");
    private static final int MAX_DEPTH = 200;

    private ImageUploads() {
    }

    /** The image, once its type is known from its bytes and, for SVG, once it is found safe; else refused. */
    public static StoredImage accept(byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidImage(Why.EMPTY);
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidImage(Why.TOO_LARGE);
        }
        if (bytes.length > PNG_SIGNATURE.length
                && Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            return new StoredImage(StoredImage.PNG, bytes);
        }
        if (looksLikeXml(bytes)) {
            checkSvg(bytes);
            return new StoredImage(StoredImage.SVG, bytes);
        }
        throw new InvalidImage(Why.NOT_PNG_OR_SVG);
    }

    /** SVG is text: after an optional UTF-8 byte order mark and white space, the first character is '<'. */
    private static boolean looksLikeXml(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }

    private static void checkSvg(byte[] bytes) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            int depth = 0;
            boolean root = true;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                         XMLStreamConstants.ENTITY_DECLARATION, XMLStreamConstants.PROCESSING_INSTRUCTION ->
                            throw new InvalidImage(Why.SVG_UNSAFE);
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (root) {
                            if (!"svg".equals(reader.getLocalName()) || !SVG_NS.equals(reader.getNamespaceURI())) {
                                throw new InvalidImage(Why.NOT_PNG_OR_SVG);
                            }
                            root = false;
                        }
                        if (++depth > MAX_DEPTH) {
                            throw new InvalidImage(Why.SVG_MALFORMED);
                        }
                        checkElement(reader);
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> checkText(reader.getText());
                    default -> {
                        // comments, white space, document start and end carry nothing a browser acts on
                    }
                }
            }
            if (root) {
                throw new InvalidImage(Why.NOT_PNG_OR_SVG);
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof InvalidImage invalid) {
                throw invalid;
            }
            throw new InvalidImage(Why.SVG_MALFORMED);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private static void checkElement(XMLStreamReader reader) {
        if (FORBIDDEN_ELEMENTS.contains(reader.getLocalName().toLowerCase(Locale.ROOT))) {
            throw new InvalidImage(Why.SVG_UNSAFE);
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String name = reader.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
            String namespace = reader.getAttributeNamespace(i);
            String value = reader.getAttributeValue(i);
            if (name.startsWith("on")) {
                throw new InvalidImage(Why.SVG_UNSAFE);
            }
            boolean href = name.equals("href") && (namespace == null || namespace.isEmpty() || XLINK_NS.equals(namespace));
            if (href && !SAFE_HREF.matcher(value.strip()).matches()) {
                throw new InvalidImage(Why.SVG_UNSAFE);
            }
            // Animations can set an href to a script URL after load (<set attributeName="href" to="javascript:…">).
            if (name.equals("attributename") && value.strip().toLowerCase(Locale.ROOT).endsWith("href")) {
                throw new InvalidImage(Why.SVG_UNSAFE);
            }
            checkText(value);
        }
    }

    /** No script URL anywhere, and no style that loads something from elsewhere ({@code url(http…)}, {@code @import}). */
    private static void checkText(String text) {
        String flat = IGNORED_IN_SCHEME.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
        if (flat.contains("javascript:") || flat.contains("vbscript:") || flat.contains("@import")) {
            throw new InvalidImage(Why.SVG_UNSAFE);
        }
        int at = flat.indexOf("url(");
        while (at >= 0) {
            String rest = flat.substring(at + 4).replace("'", "").replace("\"", "");
            if (!rest.startsWith("#") && !rest.startsWith("data:image/")) {
                throw new InvalidImage(Why.SVG_UNSAFE);
            }
            at = flat.indexOf("url(", at + 4);
        }
    }
}
