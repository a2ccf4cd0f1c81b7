package dev.latchkey.apikey.format;

/** Either a parsed key or the reason it could not be parsed. */
public record ParseResult(ApiKey key, ParseFailure failure) {

    static ParseResult parsed(ApiKey key) {
        return new ParseResult(key, null);
    }

    static ParseResult failed(ParseFailure failure) {
        return new ParseResult(null, failure);
    }

    public boolean isValid() {
        return key != null;
    }
}
