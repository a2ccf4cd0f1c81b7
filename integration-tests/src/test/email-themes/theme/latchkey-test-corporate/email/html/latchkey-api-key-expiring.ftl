<html><body><p>ACME corporate reminder: the API key "${keyName}" (${keyHint}) ends on ${expiresAt}.</p></body></html>
