package dev.latchkey.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.0 request written by hand to the server's port, for what {@code java.net.http} refuses to send: a forged
 * {@code Host} header, as anyone can send to a server that takes its address from the request.
 */
public final class RawRequest {

    private final KeycloakServer server;
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private RawRequest(KeycloakServer server, String method, String path) {
        this.server = server;
        this.method = method;
        this.path = path;
    }

    /** {@code path} from the server's root, e.g. {@code /realms/demo/...}. */
    public static RawRequest to(KeycloakServer server, String method, String path) {
        return new RawRequest(server, method, path);
    }

    public RawRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public RawRequest body(String contentType, String text) {
        headers.put("Content-Type", contentType);
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public HttpResult send() {
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.0\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    private HttpResult parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("No HTTP response head: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            names.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        HttpHeaders responseHeaders = HttpHeaders.of(names, (name, value) -> true);
        byte[] content = Arrays.copyOfRange(response, end + 4, response.length);
        if (responseHeaders.firstValue("Transfer-Encoding").filter("chunked"::equalsIgnoreCase).isPresent()) {
            content = dechunk(content);
        }
        return new HttpResult(method, URI.create(server.url(path)), status, responseHeaders,
                new String(content, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrLf(chunked, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1)
                    .split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new AssertionError("Broken chunked body");
    }
}
