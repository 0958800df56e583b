package dev.switchboard.engine.ipc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The routes of the engine API: a method and a path pattern such as {@code /campaigns/{id}/pause}, where a
 * {@code {name}} segment matches any one non-empty segment, each with its {@link Handler}. Routes are tried in the
 * order they were added. Thread-safe.
 */
public final class Router {
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    /** Adds a GET route. */
    public Router get(String pattern, Handler handler) {
        return add("GET", pattern, handler);
    }

    /** Adds a POST route. */
    public Router post(String pattern, Handler handler) {
        return add("POST", pattern, handler);
    }

    private synchronized Router add(String method, String pattern, Handler handler) {
        Objects.requireNonNull(handler, "handler");
        List<String> segments = segments(pattern);
        for (String s : segments) {
            if (s.isEmpty() || (s.contains("{") || s.contains("}")) && !isParam(s)) {
                throw new IllegalArgumentException("bad path pattern: " + pattern);
            }
        }
        for (Route r : routes) {
            if (r.method.equals(method) && r.pattern.equals(pattern)) {
                throw new IllegalArgumentException("route already added: " + method + " " + pattern);
            }
        }
        routes.add(new Route(method, pattern, segments, handler));
        return this;
    }

    /**
     * The route for {@code method} and the decoded path segments of a request.
     *
     * @throws ApiException 404 when no route has this path, 405 when routes have it but not with this method
     */
    Match resolve(String method, String path, List<String> pathSegments) {
        boolean pathKnown = false;
        for (Route r : routes) {
            Map<String, String> params = r.match(pathSegments);
            if (params != null) {
                if (r.method.equals(method)) {
                    return new Match(r.pattern, r.handler, params);
                }
                pathKnown = true;
            }
        }
        if (pathKnown) {
            throw new ApiException(405, "method not allowed: " + method + " " + path);
        }
        throw new ApiException(404, "no such endpoint: " + method + " " + path);
    }

    /** The methods with a route for the decoded path segments of a request, e.g. for an {@code Allow} header. */
    Set<String> allowedMethods(List<String> pathSegments) {
        Set<String> methods = new TreeSet<>();
        for (Route r : routes) {
            if (r.match(pathSegments) != null) {
                methods.add(r.method);
            }
        }
        return methods;
    }

    private static List<String> segments(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with /: " + pattern);
        }
        return List.of(pattern.substring(1).split("/", -1));
    }

    private static boolean isParam(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")
                && segment.indexOf('{', 1) < 0 && segment.indexOf('}') == segment.length() - 1;
    }

    /** A resolved route: its pattern (safe to log), its handler and the request's path parameters. */
    record Match(String pattern, Handler handler, Map<String, String> pathParams) {
    }

    private record Route(String method, String pattern, List<String> segments, Handler handler) {
        /** The path parameters when {@code path} matches this route's pattern, else {@code null}. */
        Map<String, String> match(List<String> path) {
            if (path.size() != segments.size()) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String want = segments.get(i);
                String got = path.get(i);
                if (isParam(want)) {
                    if (got.isEmpty()) {
                        return null;
                    }
                    params.put(want.substring(1, want.length() - 1), got);
                } else if (!want.equals(got)) {
                    return null;
                }
            }
            return params;
        }
    }
}
