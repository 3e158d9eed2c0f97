package org.psephos.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Opens a CSV file as a character stream: plain, gzip ({@code .csv.gz}) or a zip archive with a single entry
 * ({@code .csv.zip}), recognised by their first bytes rather than their names. Decodes strictly (malformed input
 * is an error, never a replacement character) and skips a leading byte-order mark.
 */
final class CsvInput {
    private CsvInput() {
    }

    /**
     * @param file    the file
     * @param charset its encoding
     * @return a reader positioned after any byte-order mark
     * @throws DataException if the file cannot be read, or a zip archive holds no or several entries
     */
    static Reader open(Path file, Charset charset) {
        try {
            InputStream raw = bytes(file, charset);
            Reader r = new BufferedReader(new InputStreamReader(raw, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset();
            }
            return r;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw encodingError(file.toString(), 1, charset, e);
        } catch (IOException e) {
            throw DataException.of("cannot read the file (" + reason(e) + ")").file(file)
                    .fix("Check the path and the file's permissions").cause(e).build();
        }
    }

    /**
     * @param e a failure to read
     * @return why, for a message: {@link AtomicFiles#reason} (never null), with a read's denied permission named
     *         as such rather than as a directory's
     */
    static String reason(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : AtomicFiles.reason(e);
    }

    /**
     * @param file    the file's name
     * @param line    the line the reader had reached
     * @param charset the encoding tried
     * @param cause   the decoder's exception
     * @return the error, offering the two ways to read an 8-bit file
     */
    static DataException encodingError(String file, long line, Charset charset, Exception cause) {
        boolean utf8 = charset.equals(java.nio.charset.StandardCharsets.UTF_8);
        return DataException.of("the file is not valid " + charset.name() + " (the first invalid bytes are on or after"
                        + " this line)" + (utf8 ? "; it looks like Windows-1251 or another 8-bit encoding" : ""))
                .file(file).line(line)
                .fix(utf8 ? "Load it with --encoding windows-1251 (or the file's real encoding, e.g. windows-1252,"
                        + " iso-8859-2), or convert it first: iconv -f WINDOWS-1251 -t UTF-8 FILE > FILE-utf8.csv"
                        : "Give the file's real encoding with --encoding, or convert it to UTF-8 with iconv")
                .cause(cause).build();
    }

    private static InputStream bytes(Path file, Charset charset) throws IOException {
        if (Files.isDirectory(file)) {
            throw DataException.of("this is a directory, not a file").file(file)
                    .fix("Give the path of the results file inside it").build();
        }
        if (!Files.exists(file)) {
            throw DataException.of("no such file").file(file).fix("Check the path").build();
        }
        if (!Files.isRegularFile(file)) {
            throw DataException.of("not a regular file (a device or a pipe)").file(file)
                    .fix("Save the results to a file and give its path").build();
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        boolean utf16Bom = magic.length >= 2 && ((magic[0] & 0xff) == 0xff && (magic[1] & 0xff) == 0xfe
                || (magic[0] & 0xff) == 0xfe && (magic[1] & 0xff) == 0xff);
        if (utf16Bom && !charset.name().startsWith("UTF-16") && !charset.name().startsWith("UTF-32")) {
            in.close();
            // Excel's "Unicode text" export: UTF-16 with a byte-order mark, tab-separated.
            throw DataException.of("the file is UTF-16 (it begins with a UTF-16 byte-order mark), not "
                    + charset.name()).file(file).line(1).fix("Load it with --encoding UTF-16, or convert it first:"
                    + " iconv -f UTF-16 -t UTF-8 FILE > FILE-utf8.csv").build();
        }
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            in.close();
            return zipEntry(file);
        }
        return in;
    }

    private static InputStream zipEntry(Path file) throws IOException {
        ZipFile zip = new ZipFile(file.toFile());
        List<ZipEntry> entries = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
            ZipEntry entry = e.nextElement();
            if (!entry.isDirectory() && !entry.getName().startsWith("__MACOSX/")) {
                entries.add(entry);
            }
        }
        if (entries.size() != 1) {
            zip.close();
            List<String> names = entries.stream().map(ZipEntry::getName).toList();
            throw DataException.of(entries.isEmpty() ? "the zip archive holds no file"
                            : "the zip archive holds " + entries.size() + " files, not one: " + names)
                    .file(file).fix("Extract the CSV file you mean (unzip -p ARCHIVE ENTRY > FILE.csv) and load that")
                    .build();
        }
        return new FilterInputStream(new BufferedInputStream(zip.getInputStream(entries.get(0)), 1 << 16)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }
}
