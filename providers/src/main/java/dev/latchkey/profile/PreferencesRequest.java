package dev.latchkey.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Body of {@code PUT /me/preferences}. A field left out keeps its value; a field sent as {@code null} or {@code ""}
 * clears it. A record cannot tell those apart, hence the setters that note what was sent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class PreferencesRequest {

    private String locale;
    private boolean localeSent;
    private String timezone;
    private boolean timezoneSent;

    public void setLocale(String locale) {
        this.locale = locale;
        this.localeSent = true;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
        this.timezoneSent = true;
    }

    String locale() {
        return locale;
    }

    boolean localeSent() {
        return localeSent;
    }

    String timezone() {
        return timezone;
    }

    boolean timezoneSent() {
        return timezoneSent;
    }
}
