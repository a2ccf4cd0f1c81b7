package dev.latchkey.it.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak's login form ({@code id="kc-form-login"}) read from a page's HTML: the username step, the password step,
 * or both at once. With organizations enabled the realm asks for the username first, then for the password.
 */
record LoginPage(URI action, Map<String, String> hiddenFields, Set<String> inputNames) {

    private static final Pattern FORM = Pattern.compile(
            "<form\\b[^>]*\\bid=\"kc-form-login\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(type|name|value)=\"([^\"]*)\"");
    /** Field errors and page alerts alike carry the class kc-feedback-text. */
    private static final Pattern ERROR = Pattern.compile(
            "class=\"[^\"]*\\bkc-feedback-text\\b[^\"]*\"[^>]*>\\s*([^<\\s][^<]*?)\\s*<");

    static Optional<LoginPage> parse(String html) {
        Matcher form = FORM.matcher(html);
        if (!form.find()) {
            return Optional.empty();
        }
        Matcher action = ACTION.matcher(form.group(0).substring(0, form.group(0).indexOf('>') + 1));
        if (!action.find()) {
            return Optional.empty();
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        Matcher input = INPUT.matcher(form.group(1));
        while (input.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(input.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1), unescape(attribute.group(2)));
            }
            if (attributes.containsKey("name")) {
                names.add(attributes.get("name"));
            }
            if ("hidden".equals(attributes.get("type")) && attributes.containsKey("name")) {
                hidden.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        return Optional.of(new LoginPage(URI.create(unescape(action.group(1))), hidden, names));
    }

    /** The message a user would read on the page, e.g. "Invalid username or password.". */
    static Optional<String> errorMessage(String html) {
        Matcher error = ERROR.matcher(html);
        if (!error.find()) {
            return Optional.empty();
        }
        return Optional.of(unescape(error.group(1)));
    }

    /** The fields this step of the form submits: its hidden ones plus username and/or password where asked. */
    Map<String, String> fill(String username, String password) {
        Map<String, String> fields = new LinkedHashMap<>(hiddenFields);
        if (inputNames.contains("username")) {
            fields.put("username", username);
        }
        if (inputNames.contains("password")) {
            fields.put("password", password);
        }
        return fields;
    }

    private static String unescape(String text) {
        Matcher entity = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|quot|apos|lt|gt);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "lt" -> "<";
                case "gt" -> ">";
                default -> Character.toString(name.startsWith("#x")
                        ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1)));
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(out);
        return out.toString();
    }
}
