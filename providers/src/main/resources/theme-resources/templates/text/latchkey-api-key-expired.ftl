<#ftl output_format="plainText">
${msg("latchkeyApiKeyExpiredIntro", keyName, expiresAt)}
${msg("latchkeyApiKeyHint", keyHint)}

${msg("latchkeyApiKeyExpiredWhatToDo")}
<#if accountUrl??>

${msg("latchkeyApiKeyOpenAccount")}: ${accountUrl}
</#if>
