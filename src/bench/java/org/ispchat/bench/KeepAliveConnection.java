package org.ispchat.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection, used by one thread: a request, its answer, the next request,
 * as wrk sends them. The JDK's HttpClient was measured on the 2-core bench machine at 0.6-0.7 ms of
 * CPU per request against 0.1 ms for this, and topped out at half the parse-only rate this reaches;
 * on a machine the server shares with its load generator, that CPU would be taken from the server.
 * Only what the bench needs: Content-Length or chunked answers, {@code Connection: close}, and one
 * retry when a reused connection turns out to have been closed by the server while idle.
 */
final class KeepAliveConnection implements Closeable {

  private static final int MAX_LINE = 8192;

  private final String host;
  private final int port;
  private final int timeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  KeepAliveConnection(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeoutMillis = (int) timeout.toMillis();
  }

  /** Returns the status; the body is read and dropped. */
  int post(String path, byte[] body, String... headers) throws IOException {
    return exchange("POST", path, body, headers);
  }

  int get(String path) throws IOException {
    return exchange("GET", path, null);
  }

  private int exchange(String method, String path, byte[] body, String... headers)
      throws IOException {
    byte[] head = head(method, path, body, headers);
    boolean reused = socket != null;
    if (!reused) {
      open();
    }
    try {
      return send(head, body);
    } catch (NoAnswer | SocketException closedWhileIdle) {
      close();
      if (!reused) {
        throw closedWhileIdle;
      }
      // The server may close an idle keep-alive connection at any moment; a request that met such
      // a connection got no answer at all, so it is sent once more on a new one.
      open();
      try {
        return send(head, body);
      } catch (IOException e) {
        close();
        throw e;
      }
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private byte[] head(String method, String path, byte[] body, String... headers) {
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append(':').append(port).append("\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private void open() throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), timeoutMillis);
      s.setSoTimeout(timeoutMillis);
      in = new BufferedInputStream(s.getInputStream(), 8192);
      out = new BufferedOutputStream(s.getOutputStream(), 8192);
      socket = s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  private int send(byte[] head, byte[] body) throws IOException {
    out.write(head);
    if (body != null) {
      out.write(body);
    }
    out.flush();
    return readAnswer();
  }

  private int readAnswer() throws IOException {
    int first = in.read();
    if (first < 0) {
      throw new NoAnswer();
    }
    String statusLine = (char) first + readLine();
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
      throw new IOException("not an HTTP answer: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = statusLine.startsWith("HTTP/1.0");
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.contains("chunked");
        case "connection" -> closeAfter = value.contains("close");
        default -> {
          // not needed
        }
      }
    }
    if (chunked) {
      skipChunks();
    } else if (length >= 0) {
      in.skipNBytes(length);
    } else if (status != 204 && status != 304) {
      in.transferTo(OutputStream.nullOutputStream()); // delimited by the end of the connection
      closeAfter = true;
    }
    if (closeAfter) {
      close();
    }
    return status;
  }

  private void skipChunks() throws IOException {
    while (true) {
      String size = readLine();
      int extension = size.indexOf(';');
      long length =
          Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
      if (length == 0) {
        while (!readLine().isEmpty()) {
          // trailers
        }
        return;
      }
      in.skipNBytes(length);
      readLine();
    }
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder(64);
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new EOFException("connection closed mid-answer");
      }
      if (line.length() == MAX_LINE) {
        throw new IOException("header line longer than " + MAX_LINE);
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  /** Closes the socket; the next request opens a new one. */
  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }

  /** The connection ended before the first byte of an answer. */
  private static final class NoAnswer extends IOException {
    NoAnswer() {
      super("connection closed before any answer");
    }
  }
}
