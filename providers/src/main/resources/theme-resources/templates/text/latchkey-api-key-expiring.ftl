<#ftl output_format="plainText">
${msg("latchkeyApiKeyExpiringIntro", keyName, expiresAt)}
${msg("latchkeyApiKeyHint", keyHint)}

${msg("latchkeyApiKeyExpiringWhatToDo")}
<#if accountUrl??>

${msg("latchkeyApiKeyOpenAccount")}: ${accountUrl}
</#if>
