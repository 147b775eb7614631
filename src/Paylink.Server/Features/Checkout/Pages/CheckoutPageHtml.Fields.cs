using Paylink.Client;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>The payment page's fields: each labelled, tied to its hint and error, with what the customer chose.</summary>
public static partial class CheckoutPageHtml
{
    /// <summary>The promotion code box: Apply posts the form (no script needed); pay.js turns it into an in-place preview.</summary>
    private static void PromotionCode(HtmlOutput o, CheckoutView m)
    {
        var error = m.Error("promo_code");
        o.Markup(error is null ? "<div class=\"field promo\" data-promo>\n<label for=\"promo_code\">"u8 : "<div class=\"field promo invalid\" data-promo>\n<label for=\"promo_code\">"u8)
            .Text(m.S["promo"]).Markup("</label>\n<div class=\"row\"><input id=\"promo_code\" name=\"promo_code\" type=\"text\""u8).Attr("value"u8, m.Value("promo_code"))
            .Markup(" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" maxlength=\"50\""u8).Attr("aria-invalid"u8, error is null ? null : "true")
            .Markup(" aria-describedby=\"promo_code-status\" data-role=\"promo\">\n<button type=\"submit\" name=\"action\" value=\"apply\" class=\"secondary\" data-apply>"u8)
            .Text(m.S["apply"]).Markup("</button></div>\n<p id=\"promo_code-status\""u8).Attr("class"u8, error is null ? "hint" : "error")
            .Markup(" aria-live=\"polite\" data-promo-status>"u8).Text(error ?? m.PromoNote).Markup("</p></div>\n"u8);
    }

    private static void BillingAddress(HtmlOutput o, CheckoutView m)
    {
        var s = m.S;
        var error = m.Error("address_country");
        var chosen = m.Value("address_country");
        o.Markup("<fieldset>\n<legend>"u8).Text(s["billing"]).Markup("</legend>\n"u8)
            .Markup(error is null ? "<div class=\"field\">"u8 : "<div class=\"field invalid\">"u8)
            .Markup("<label for=\"address_country\">"u8).Text(s["country"])
            .Markup("</label>\n<select id=\"address_country\" name=\"address_country\" autocomplete=\"country\" required"u8)
            .Attr("aria-invalid"u8, error is null ? null : "true").Attr("aria-describedby"u8, error is null ? null : "address_country-error")
            .Markup("><option value=\"\">"u8).Text(s["choose"]).Markup("</option>\n"u8);
        foreach (var (iso, name) in Countries.All)
        {
            o.Markup("<option"u8).Attr("value"u8, iso).Attr("selected"u8, iso == chosen).Markup(">"u8).Text(name).Markup("</option>\n"u8);
        }

        o.Markup("</select>"u8);
        ErrorText(o, "address_country", error);
        o.Markup("</div>\n"u8);
        Field(o, m, new("address_line1", s["line1"]) { AutoComplete = "address-line1", Required = true });
        Field(o, m, new("address_line2", s["line2"]) { AutoComplete = "address-line2" });
        Field(o, m, new("address_city", s["city"]) { AutoComplete = "address-level2", Required = true });
        Field(o, m, new("address_state", s["state"]) { AutoComplete = "address-level1" });
        Field(o, m, new("address_postal_code", s["postal_code"]) { AutoComplete = "postal-code", Required = true });
        o.Markup("</fieldset>\n"u8);
    }

    private static void CustomField(HtmlOutput o, CheckoutView m, CustomField field)
    {
        var name = $"field_{field.Key}";
        var error = m.Error(name);
        var label = field.Optional ? $"{field.Label.Custom} {m.S["optional"]}" : field.Label.Custom;
        o.Markup(error is null ? "<div class=\"field\">"u8 : "<div class=\"field invalid\">"u8)
            .Markup("<label"u8).Attr("for"u8, name).Markup(">"u8).Text(label).Markup("</label>\n"u8);
        if (field.Type == "dropdown")
        {
            var value = m.Value(name);
            o.Markup("<select"u8).Attr("id"u8, name).Attr("name"u8, name).Attr("required"u8, !field.Optional)
                .Attr("aria-invalid"u8, error is null ? null : "true").Attr("aria-describedby"u8, error is null ? null : $"{name}-error")
                .Markup("><option value=\"\">"u8).Text(m.S["choose"]).Markup("</option>\n"u8);
            foreach (var option in field.Dropdown?.Options ?? [])
            {
                o.Markup("<option"u8).Attr("value"u8, option.Value).Attr("selected"u8, option.Value == value).Markup(">"u8).Text(option.Label).Markup("</option>\n"u8);
            }

            o.Markup("</select>"u8);
        }
        else
        {
            var rules = field.Type == "numeric" ? field.Numeric : field.Text;
            o.Markup("<input"u8).Attr("id"u8, name).Attr("name"u8, name).Markup(" type=\"text\""u8).Attr("value"u8, m.Value(name)).Attr("required"u8, !field.Optional)
                .Attr("inputmode"u8, field.Type == "numeric" ? "numeric" : null).Attr("minlength"u8, rules?.MinimumLength).Attr("maxlength"u8, rules?.MaximumLength ?? 255)
                .Attr("aria-invalid"u8, error is null ? null : "true").Attr("aria-describedby"u8, error is null ? null : $"{name}-error").Markup(">"u8);
        }

        ErrorText(o, name, error);
        o.Markup("</div>\n"u8);
    }

    private static void Terms(HtmlOutput o, CheckoutView m)
    {
        var error = m.Error("terms");
        o.Markup(error is null ? "<div class=\"check\">\n"u8 : "<div class=\"check invalid\">\n"u8)
            .Markup("<input type=\"checkbox\" id=\"terms\" name=\"terms\" value=\"accepted\""u8).Attr("checked"u8, m.Value("terms") == "accepted")
            .Attr("aria-describedby"u8, error is null ? null : "terms-error").Attr("aria-invalid"u8, error is null ? null : "true")
            .Markup(">\n<label for=\"terms\">"u8).Text(m.Settings.CustomText.TermsOfServiceAcceptance ?? m.S["terms"]).Markup("</label>\n"u8);
        if (m.TermsUrl is { } terms)
        {
            o.Markup("<a"u8).Attr("href"u8, terms).Markup(" target=\"_blank\" rel=\"noopener\">"u8).Text(m.S["terms_link"]).Markup("</a>\n"u8);
        }

        ErrorText(o, "terms", error);
        o.Markup("</div>\n"u8);
    }

    /// <summary>One labelled input, with its hint and its error (tied to it by <c>aria-describedby</c>) and the value the customer typed.</summary>
    private static void Field(HtmlOutput o, CheckoutView m, Input input)
    {
        var name = input.Name;
        var error = m.Error(name);
        var value = input.Echo ? (m.Values.TryGetValue(name, out var typed) ? typed : input.Fallback) : null;
        var describedBy = (input.Hint, error) switch
        {
            (null, null) => null,
            (null, _) => $"{name}-error",
            (_, null) => $"{name}-hint",
            _ => $"{name}-hint {name}-error",
        };
        o.Markup(error is null ? "<div class=\"field\"><label"u8 : "<div class=\"field invalid\"><label"u8).Attr("for"u8, name).Markup(">"u8)
            .Text(input.Label).Markup("</label>"u8);
        if (input.Hint is { } hint)
        {
            o.Markup("<p class=\"hint\""u8).Attr("id"u8, $"{name}-hint").Markup(">"u8).Text(hint).Markup("</p>"u8);
        }

        o.Markup("<input"u8).Attr("id"u8, name).Attr("name"u8, name).Attr("type"u8, input.Type).Attr("value"u8, value).Attr("autocomplete"u8, input.AutoComplete)
            .Attr("inputmode"u8, input.InputMode).Attr("placeholder"u8, input.Placeholder).Attr("min"u8, input.Min).Attr("max"u8, input.Max)
            .Attr("required"u8, input.Required).Attr("aria-invalid"u8, error is null ? null : "true").Attr("aria-describedby"u8, describedBy)
            .Attr("data-role"u8, input.Data).Attr("data-index"u8, input.Index).Markup(">"u8);
        ErrorText(o, name, error);
        o.Markup("</div>\n"u8);
    }

    private static void ErrorText(HtmlOutput o, string name, string? error)
    {
        if (error is not null)
        {
            o.Markup("<p class=\"error\""u8).Attr("id"u8, $"{name}-error").Markup(" role=\"alert\">"u8).Text(error).Markup("</p>"u8);
        }
    }

    /// <summary>A form field as the page shows it.</summary>
    private sealed record Input(string Name, string Label)
    {
        public string Type { get; init; } = "text";
        public string? AutoComplete { get; init; }
        public string? InputMode { get; init; }
        public string? Placeholder { get; init; }
        public string? Hint { get; init; }
        public int? Min { get; init; }
        public int? Max { get; init; }
        public bool Required { get; init; }

        /// <summary>False for the card's fields: what was typed there is never written back into a page.</summary>
        public bool Echo { get; init; } = true;
        public string? Fallback { get; init; }
        public string? Data { get; init; }
        public int? Index { get; init; }
    }
}
