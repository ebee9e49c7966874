package org.sipas.collection.capi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link between the browser and the application that the test can cut, as a phone loses its
 * network: every open connection is dropped and new ones are closed at once. Chromium's offline
 * emulation tells the page it is offline but does not reach the service worker's own requests;
 * this cut reaches everything, so what works while it is cut really came from the device.
 */
final class CuttableLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    CuttableLink(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "cuttable-link");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void cut(boolean cut) {
        this.cut = cut;
        if (cut) {
            open.forEach(CuttableLink::quietlyClose);
            open.clear();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket browser = listener.accept();
                if (cut) {
                    quietlyClose(browser);
                    continue;
                }
                Socket app = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(browser);
                open.add(app);
                pump(browser, app);
                pump(app, browser);
            } catch (IOException e) {
                // the listener closed, or the application refused: the next connection tries again
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed: close the other too
            } finally {
                quietlyClose(from);
                quietlyClose(to);
                open.remove(from);
                open.remove(to);
            }
        }, "cuttable-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void quietlyClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut(true);
        listener.close();
    }
}
