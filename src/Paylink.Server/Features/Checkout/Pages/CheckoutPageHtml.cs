using System.Globalization;
using Paylink.Client;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// The payment page's HTML: the order on one side, the form on the other; a plain form that works
/// without JavaScript (pay.js only improves it). Written straight into UTF-8 by <see cref="HtmlOutput"/>
/// with holes for the tokens, so one rendering can be kept and served with fresh tokens
/// (<see cref="PageTemplate"/>). Every value from a merchant or customer goes through the encoder.
/// </summary>
public static partial class CheckoutPageHtml
{
    public static void Write(HtmlOutput o, CheckoutView m)
    {
        var s = m.S;
        o.Markup("<!DOCTYPE html>\n<html"u8).Attr("lang"u8, m.Lang).Markup(">\n<head>\n<meta charset=\"utf-8\">\n"u8)
            .Markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"u8).Text(s.Format("pay_to", m.Merchant.Name))
            .Markup("</title>\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"/checkout/assets/pay.css\">\n<script src=\"/checkout/assets/pay.js\" defer></script>\n</head>\n<body>\n"u8);
        if (m.TestMode)
        {
            o.Markup("<div class=\"banner\" role=\"note\">"u8).Text(s["test_mode"]).Markup("</div>\n"u8);
        }

        o.Markup("<main class=\"checkout\">\n"u8);
        Summary(o, m);
        o.Markup("<section class=\"pay\">\n<form method=\"post\""u8).Attr("action"u8, m.FormAction).Markup(" novalidate"u8)
            .Attr("data-currency"u8, m.CurrencyJson).Attr("data-submit-template"u8, m.SubmitTemplate).Markup(">\n"u8)
            .Markup("<input type=\"hidden\""u8).Attr("name"u8, PageForgery.FieldName).Markup(" value=\""u8).Hole(isToken: false).Markup("\">\n"u8)
            .Markup("<input type=\"hidden\" name=\"locale\""u8).Attr("value"u8, s.Locale).Markup(">\n"u8);
        if (m.HasToken)
        {
            o.Markup("<input type=\"hidden\" name=\"token\" value=\""u8).Hole(isToken: true).Markup("\">\n"u8);
        }

        if (m.ClientReferenceId is { } reference)
        {
            o.Markup("<input type=\"hidden\" name=\"client_reference_id\""u8).Attr("value"u8, reference).Markup(">\n"u8);
        }

        if (m.Notice is { } notice)
        {
            o.Markup("<p class=\"notice\" role=\"status\">"u8).Text(notice).Markup("</p>\n"u8);
        }

        if (m.FormError is { } formError)
        {
            o.Markup("<p class=\"form-error\" role=\"alert\" id=\"form-error\">"u8).Text(formError).Markup("</p>\n"u8);
        }

        Order(o, m);
        if (m.Settings.AllowPromotionCodes)
        {
            PromotionCode(o, m);
        }

        o.Markup("<fieldset>\n<legend>"u8).Text(s["contact"]).Markup("</legend>\n"u8);
        Field(o, m, new("email", s["email"]) { Type = "email", AutoComplete = "email", Required = true });
        Field(o, m, new("name", s["name"]) { AutoComplete = "name", Required = true });
        if (m.Settings.PhoneNumberCollection)
        {
            Field(o, m, new("phone", s["phone"]) { Type = "tel", AutoComplete = "tel", Required = true });
        }

        o.Markup("</fieldset>\n"u8);
        if (m.Settings.BillingAddressCollection == "required")
        {
            BillingAddress(o, m);
        }

        if (m.Settings.CustomFields.Count > 0)
        {
            o.Markup("<fieldset>\n"u8);
            foreach (var field in m.Settings.CustomFields)
            {
                CustomField(o, m, field);
            }

            o.Markup("</fieldset>\n"u8);
        }

        if (m.TotalMinor > 0 || m.Lines.Any(l => l.Adjustable || l.CustomAmount))
        {
            o.Markup("<fieldset class=\"card\">\n<legend>"u8).Text(s["payment"]).Markup("</legend>\n"u8);
            Field(o, m, new("card_number", s["card_number"]) { InputMode = "numeric", AutoComplete = "cc-number", Required = true, Echo = false, Placeholder = "4242 4242 4242 4242" });
            o.Markup("<div class=\"row\">\n"u8);
            Field(o, m, new("card_expiry", s["card_expiry"]) { InputMode = "numeric", AutoComplete = "cc-exp", Required = true, Echo = false, Placeholder = "MM/YY" });
            Field(o, m, new("card_cvc", s["card_cvc"]) { InputMode = "numeric", AutoComplete = "cc-csc", Required = true, Echo = false, Placeholder = "123" });
            o.Markup("</div>\n"u8);
            Field(o, m, new("card_name", s["card_name"]) { AutoComplete = "cc-name" });
            o.Markup("</fieldset>\n"u8);
        }

        if (m.Settings.TermsOfService == "required")
        {
            Terms(o, m);
        }

        o.Markup("<button type=\"submit\" name=\"action\" value=\"pay\" class=\"primary\" data-submit>"u8).Text(m.SubmitLabel).Markup("</button>\n"u8);
        if (m.Settings.CustomText.Submit is { } submitText)
        {
            o.Markup("<p class=\"submit-text\">"u8).Text(submitText).Markup("</p>\n"u8);
        }

        if (m.CancelUrl is { } cancel)
        {
            o.Markup("<p class=\"cancel\"><a"u8).Attr("href"u8, cancel).Markup(">"u8).Text(s["cancel"]).Markup("</a></p>\n"u8);
        }

        o.Markup("</form>\n</section>\n</main>\n</body>\n</html>\n"u8);
    }

    /// <summary>The order: merchant, lines, totals, support address.</summary>
    private static void Summary(HtmlOutput o, CheckoutView m)
    {
        var s = m.S;
        o.Markup("<section class=\"summary\" aria-labelledby=\"order-title\">\n<header class=\"merchant\">"u8);
        if (m.Merchant.LogoUrl is { } logo)
        {
            o.Markup("<img class=\"logo\""u8).Attr("src"u8, logo).Markup(" alt=\"\">"u8);
        }

        o.Markup("<span>"u8).Text(s.Format("pay_to", m.Merchant.Name)).Markup("</span>\n<a class=\"lang\""u8).Attr("href"u8, m.LanguageSwitchUrl).Markup(">"u8)
            .Text(s["language"]).Markup("</a></header>\n<h1 id=\"order-title\">"u8).Text(s["items"]).Markup("</h1>\n<ul class=\"lines\">\n"u8);
        foreach (var line in m.Lines)
        {
            o.Markup("<li class=\"line\""u8).Attr("data-unit"u8, line.UnitMinor).Markup(">"u8);
            if (line.ImageUrl is { } image)
            {
                o.Markup("<img class=\"thumb\""u8).Attr("src"u8, image).Markup(" alt=\"\">"u8);
            }

            o.Markup("<div class=\"line-text\"><p class=\"name\">"u8).Text(line.Name).Markup("</p>"u8);
            if (line.Description is { Length: > 0 } description)
            {
                o.Markup("<p class=\"description\">"u8).Text(description).Markup("</p>"u8);
            }

            if (!line.CustomAmount)
            {
                o.Markup("<p class=\"unit\">"u8).Text(s.Format("each", line.UnitText)).Markup("</p>"u8);
            }

            if (!line.Adjustable)
            {
                o.Markup("<p class=\"qty\">"u8).Text(s["quantity"]).Markup(": "u8).Text(line.Quantity).Markup("</p>"u8);
            }

            o.Markup("</div>\n<p class=\"line-total\" data-line-total>"u8).Text(line.LineTotalText).Markup("</p></li>\n"u8);
        }

        o.Markup("</ul>\n<dl class=\"totals\"><div><dt>"u8).Text(s["subtotal"]).Markup("</dt><dd data-subtotal>"u8).Text(m.SubtotalText).Markup("</dd></div>"u8);
        if (m.DiscountText is { } discount)
        {
            o.Markup("<div data-discount-row><dt data-discount-label>"u8).Text(m.DiscountLabel ?? s["discount"]).Markup("</dt><dd data-discount>"u8)
                .Text(discount).Markup("</dd></div>"u8);
        }

        o.Markup("<div class=\"grand\"><dt>"u8).Text(s["total"]).Markup("</dt><dd data-total aria-live=\"polite\">"u8).Text(m.TotalText).Markup("</dd></div></dl>\n"u8);
        if (m.Merchant.SupportEmail is { } support)
        {
            o.Markup("<p class=\"support\">"u8).Text(s.Format("support", support)).Markup("</p>\n"u8);
        }

        o.Markup("</section>\n"u8);
    }

    /// <summary>What the customer may change in the order: adjustable quantities and custom amounts.</summary>
    private static void Order(HtmlOutput o, CheckoutView m)
    {
        var s = m.S;
        var any = false;
        foreach (var line in m.Lines)
        {
            if (!line.Adjustable && !line.CustomAmount)
            {
                continue;
            }

            any = true;
            o.Markup("<fieldset class=\"adjust\">\n<legend>"u8).Text(line.Name).Markup("</legend>\n"u8);
            if (line.Adjustable)
            {
                Field(o, m, new($"quantity_{line.Index}", s["quantity"])
                {
                    Type = "number",
                    Min = line.Min,
                    Max = line.Max,
                    Fallback = line.Quantity.ToString(CultureInfo.InvariantCulture),
                    Required = true,
                    Data = "quantity",
                    Index = line.Index,
                });
            }

            if (line.CustomAmount)
            {
                Field(o, m, new("custom_amount", $"{s["amount"]} ({m.Currency.Symbol})")
                {
                    InputMode = "decimal",
                    Hint = line.CustomRange,
                    Required = true,
                    Data = "amount",
                    Index = line.Index,
                });
            }

            o.Markup("</fieldset>\n"u8);
        }

        if (any)
        {
            o.Markup("<button type=\"submit\" name=\"action\" value=\"update\" class=\"secondary js-hide\">"u8).Text(s["update_total"]).Markup("</button>\n"u8);
        }
    }
}
