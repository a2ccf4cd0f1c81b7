<#ftl output_format="plainText">
${noSuchValue}
