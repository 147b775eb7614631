using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>
/// Each rule of the payment link create table (API.md §5), as one change to a valid body: the field at
/// <c>Path</c> set to <c>Json</c> (removed when null), and the <c>param</c> and <c>code</c> the 400 must name.
/// </summary>
public static class PaymentLinkCreateRules
{
    public sealed record Rule(string Path, string? Json, string Param, string Code = "parameter_invalid");

    private static readonly string FourFields = "[" + string.Join(",", Enumerable.Range(1, 4).Select(i => $$"""{"key":"f{{i}}","label":"Field {{i}}","type":"text"}""")) + "]";
    private static readonly string ManyOptions = "[" + string.Join(",", Enumerable.Range(1, 201).Select(i => $$"""{"label":"O{{i}}","value":"o{{i}}"}""")) + "]";
    private static readonly string ManyLines = "[" + string.Join(",", Enumerable.Range(1, 21).Select(i => $$"""{"price_id":"price_{{i}}","quantity":1}""")) + "]";
    private static readonly string ManyKeys = "{" + string.Join(",", Enumerable.Range(1, 51).Select(i => $"\"k{i}\":\"v\"")) + "}";

    public static readonly IReadOnlyDictionary<string, Rule> All = new Dictionary<string, Rule>
    {
        ["name missing"] = new("name", null, "name", "parameter_missing"),
        ["name empty"] = new("name", "\"\"", "name"),
        ["name only spaces"] = new("name", "\"   \"", "name"),
        ["name longer than 255"] = new("name", JsonEdit.Text(256), "name"),
        ["name a number"] = new("name", "5", "name"),
        ["currency_id missing"] = new("currency_id", null, "currency_id", "parameter_missing"),
        ["currency_id unknown"] = new("currency_id", "\"xyz\"", "currency_id"),
        ["currency_id a number"] = new("currency_id", "840", "currency_id"),
        ["line_items missing"] = new("line_items", null, "line_items", "parameter_missing"),
        ["line_items empty"] = new("line_items", "[]", "line_items"),
        ["line_items more than 20"] = new("line_items", ManyLines, "line_items"),
        ["line_items an object"] = new("line_items", "{}", "line_items"),
        ["line item not an object"] = new("line_items", "[5]", "line_items[0]"),
        ["price_id missing"] = new("line_items[0].price_id", null, "line_items[0].price_id", "parameter_missing"),
        ["price_id unknown"] = new("line_items[0].price_id", "\"price_doesnotexist000000000\"", "line_items[0].price_id", "resource_missing"),
        ["quantity missing"] = new("line_items[0].quantity", null, "line_items[0].quantity", "parameter_missing"),
        ["quantity 0"] = new("line_items[0].quantity", "0", "line_items[0].quantity"),
        ["quantity 1000"] = new("line_items[0].quantity", "1000", "line_items[0].quantity"),
        ["quantity a fraction"] = new("line_items[0].quantity", "1.5", "line_items[0].quantity"),
        ["quantity a string"] = new("line_items[0].quantity", "\"1\"", "line_items[0].quantity"),
        ["adjustable maximum above 999"] = new("line_items[0].adjustable_quantity", """{"enabled":true,"maximum":1000}""", "line_items[0].adjustable_quantity.maximum"),
        ["adjustable minimum negative"] = new("line_items[0].adjustable_quantity", """{"enabled":true,"minimum":-1}""", "line_items[0].adjustable_quantity.minimum"),
        ["adjustable minimum above maximum"] = new("line_items[0].adjustable_quantity", """{"enabled":true,"minimum":5,"maximum":3}""", "line_items[0].adjustable_quantity.minimum"),
        ["quantity below adjustable minimum"] = new("line_items[0].adjustable_quantity", """{"enabled":true,"minimum":2,"maximum":5}""", "line_items[0].quantity"),
        ["quantity above adjustable maximum"] = new("line_items", """[{"price_id":"PRICE","quantity":6,"adjustable_quantity":{"enabled":true,"maximum":5}}]""", "line_items[0].quantity"),
        ["active a string"] = new("active", "\"yes\"", "active"),
        ["after_completion type unknown"] = new("after_completion", """{"type":"nowhere"}""", "after_completion.type"),
        ["after_completion redirect without url"] = new("after_completion", """{"type":"redirect"}""", "after_completion.redirect.url", "parameter_missing"),
        ["redirect url relative"] = new("after_completion", """{"type":"redirect","redirect":{"url":"/thanks"}}""", "after_completion.redirect.url"),
        ["redirect url not http"] = new("after_completion", """{"type":"redirect","redirect":{"url":"ftp://example.com/thanks"}}""", "after_completion.redirect.url"),
        ["redirect url longer than 2048"] = new("after_completion", """{"type":"redirect","redirect":{"url":"https://example.com/""" + new string('a', 2030) + "\"}}", "after_completion.redirect.url"),
        ["confirmation message longer than 500"] = new("after_completion", """{"type":"hosted_confirmation","hosted_confirmation":{"custom_message":""" + JsonEdit.Text(501) + "}}", "after_completion.hosted_confirmation.custom_message"),
        ["allow_promotion_codes a string"] = new("allow_promotion_codes", "\"no\"", "allow_promotion_codes"),
        ["billing_address_collection unknown"] = new("billing_address_collection", "\"sometimes\"", "billing_address_collection"),
        ["customer_creation unknown"] = new("customer_creation", "\"never\"", "customer_creation"),
        ["submit_type unknown"] = new("submit_type", "\"buy\"", "submit_type"),
        ["custom_fields more than 3"] = new("custom_fields", FourFields, "custom_fields"),
        ["custom field key not alphanumeric"] = new("custom_fields", """[{"key":"gift-note","label":"Note","type":"text"}]""", "custom_fields[0].key"),
        ["custom field key longer than 200"] = new("custom_fields", $$"""[{"key":{{JsonEdit.Text(201)}},"label":"Note","type":"text"}]""", "custom_fields[0].key"),
        ["custom field keys repeated"] = new("custom_fields", """[{"key":"note","label":"Note","type":"text"},{"key":"note","label":"Other","type":"text"}]""", "custom_fields[1].key"),
        ["custom field label empty"] = new("custom_fields", """[{"key":"note","label":"","type":"text"}]""", "custom_fields[0].label"),
        ["custom field label longer than 50"] = new("custom_fields", $$"""[{"key":"note","label":{{JsonEdit.Text(51)}},"type":"text"}]""", "custom_fields[0].label"),
        ["custom field type unknown"] = new("custom_fields", """[{"key":"note","label":"Note","type":"date"}]""", "custom_fields[0].type"),
        ["text maximum_length above 255"] = new("custom_fields", """[{"key":"note","label":"Note","type":"text","text":{"maximum_length":256}}]""", "custom_fields[0].text.maximum_length"),
        ["numeric minimum_length negative"] = new("custom_fields", """[{"key":"n","label":"N","type":"numeric","numeric":{"minimum_length":-1}}]""", "custom_fields[0].numeric.minimum_length"),
        ["dropdown without options"] = new("custom_fields", """[{"key":"size","label":"Size","type":"dropdown","dropdown":{"options":[]}}]""", "custom_fields[0].dropdown.options"),
        ["dropdown with more than 200 options"] = new("custom_fields", """[{"key":"size","label":"Size","type":"dropdown","dropdown":{"options":""" + ManyOptions + "}}]", "custom_fields[0].dropdown.options"),
        ["dropdown values repeated"] = new("custom_fields", """[{"key":"size","label":"Size","type":"dropdown","dropdown":{"options":[{"label":"S","value":"s"},{"label":"Small","value":"s"}]}}]""", "custom_fields[0].dropdown.options[1].value"),
        ["custom_text submit longer than 1200"] = new("custom_text", $$"""{"submit":{{JsonEdit.Text(1201)}}}""", "custom_text.submit"),
        ["phone_number_collection enabled a string"] = new("phone_number_collection", """{"enabled":"yes"}""", "phone_number_collection.enabled"),
        ["terms required without a terms URL"] = new("consent_collection", """{"terms_of_service":"required"}""", "consent_collection.terms_of_service"),
        ["terms_of_service unknown"] = new("consent_collection", """{"terms_of_service":"maybe"}""", "consent_collection.terms_of_service"),
        ["completed sessions limit 0"] = new("restrictions", """{"completed_sessions":{"limit":0}}""", "restrictions.completed_sessions.limit"),
        ["completed sessions limit a string"] = new("restrictions", """{"completed_sessions":{"limit":"5"}}""", "restrictions.completed_sessions.limit"),
        ["completed sessions count given"] = new("restrictions", """{"completed_sessions":{"limit":5,"count":1}}""", "restrictions.completed_sessions.count"),
        ["inactive_message longer than 500"] = new("inactive_message", JsonEdit.Text(501), "inactive_message"),
        ["lookup_key empty"] = new("lookup_key", "\"\"", "lookup_key"),
        ["lookup_key longer than 200"] = new("lookup_key", JsonEdit.Text(201), "lookup_key"),
        ["lookup_key with a space"] = new("lookup_key", "\"spring sale\"", "lookup_key"),
        ["lookup_key starting with pl_"] = new("lookup_key", "\"pl_spring\"", "lookup_key"),
        ["metadata a string"] = new("metadata", "\"x\"", "metadata"),
        ["metadata with 51 keys"] = new("metadata", ManyKeys, "metadata"),
        ["metadata key longer than 40"] = new("metadata", $$"""{ {{JsonEdit.Text(41, 'k')}}:"v"}""", "metadata." + new string('k', 41)),
        ["metadata value longer than 500"] = new("metadata", $$"""{"note":{{JsonEdit.Text(501)}}}""", "metadata.note"),
        ["metadata value an object"] = new("metadata", """{"note":{"a":1}}""", "metadata.note"),
        ["metadata value an array"] = new("metadata", """{"note":[1]}""", "metadata.note"),
        ["id given"] = new("id", "\"pl_mine\"", "id"),
        ["livemode given"] = new("livemode", "true", "livemode"),
        ["unknown field"] = new("colour", "\"blue\"", "colour", "parameter_unknown"),
        ["unknown field in a line item"] = new("line_items[0].colour", "\"blue\"", "line_items[0].colour", "parameter_unknown"),
        ["unknown field in after_completion"] = new("after_completion", """{"type":"redirect","redirect":{"url":"https://example.com","colour":"blue"}}""", "after_completion.redirect.colour", "parameter_unknown"),
        ["payment_method_types"] = new("payment_method_types", """["card"]""", "payment_method_types", "parameter_unsupported"),
        ["subscription_data"] = new("subscription_data", """{"trial_period_days":7}""", "subscription_data", "parameter_unsupported"),
        ["nft_mint_settings"] = new("nft_mint_settings", """{"factory":"0x0"}""", "nft_mint_settings", "parameter_unsupported"),
        ["invoice_creation"] = new("invoice_creation", """{"enabled":true}""", "invoice_creation", "parameter_unsupported"),
        ["price_data in a line item"] = new("line_items[0].price_data", """{"currency":"usd"}""", "line_items[0].price_data", "parameter_unsupported"),
    };

    public static TheoryData<string> Names() => new(All.Keys);
}
