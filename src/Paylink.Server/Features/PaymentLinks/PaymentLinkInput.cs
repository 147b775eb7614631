using System.Text.Json;
using System.Text.RegularExpressions;
using Paylink.Client;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.PaymentLinks;

/// <summary>
/// Reads a payment link create or update body onto a <see cref="PaymentLinkDraft"/>: each field's type
/// and bounds. Rules across fields and against stored prices are <see cref="PaymentLinkRules"/>.
/// On update only present fields change, and <c>null</c> puts an optional field back to its default.
/// </summary>
public static partial class PaymentLinkInput
{
    public const int MaxLineItems = 20;
    public const int MaxQuantity = 999;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex LookupKeyPattern();

    [GeneratedRegex("^[A-Za-z0-9]{1,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldKeyPattern();

    public static readonly string[] UnsupportedFields =
    [
        "payment_method_types", "subscription_data", "nft_mint_settings", "invoice_creation",
        "shipping_address_collection", "shipping_options", "automatic_tax", "tax_id_collection",
        "payment_intent_data", "payment_method_collection", "application_fee_amount", "application_fee_percent",
        "on_behalf_of", "transfer_data", "donation_settings", "cross_sell_behavior", "optional_items",
        "name_collection", "saved_payment_method_options", "include_stake", "cross_sell",
    ];

    public static void Apply(JsonFields f, PaymentLinkDraft draft, bool create, CurrencyCatalog currencies)
    {
        var v = f.Validation;
        f.Unsupported(UnsupportedFields);
        foreach (var readOnly in new[] { "id", "object", "livemode", "url", "created_at", "updated_at", "created_via" })
        {
            f.Forbid(readOnly, $"{readOnly} is read-only.");
        }

        if (create || f.Has("name"))
        {
            if (f.String("name", required: true, min: 1, max: 255, trim: true) is { } name)
            {
                draft.Name = name;
            }
        }

        if (create || f.Has("currency_id"))
        {
            if (!create && !f.Has("line_items"))
            {
                f.Forbid("currency_id", "currency_id can only change together with line_items in the new currency.");
            }
            else if (currencies.Resolve(f.String("currency_id", required: true, min: 1, max: 8), "currency_id", v) is { } currency)
            {
                draft.CurrencyId = currency.Id;
            }
        }

        if (create || f.Has("line_items"))
        {
            draft.LineItems = ReadLineItems(f) ?? draft.LineItems;
        }

        if (f.Has("active"))
        {
            draft.Active = f.Bool("active") ?? true;
        }

        if (f.Has("after_completion"))
        {
            draft.AfterCompletion = ReadAfterCompletion(f) ?? new AfterCompletion();
        }

        if (f.Has("allow_promotion_codes"))
        {
            draft.AllowPromotionCodes = f.Bool("allow_promotion_codes") ?? false;
        }

        if (f.Has("billing_address_collection"))
        {
            draft.BillingAddressCollection = f.Enum("billing_address_collection", ["auto", "required"]) ?? "auto";
        }

        if (f.Has("customer_creation"))
        {
            draft.CustomerCreation = f.Enum("customer_creation", ["if_required", "always"]) ?? "if_required";
        }

        if (f.Has("submit_type"))
        {
            draft.SubmitType = f.Enum("submit_type", ["auto", "pay", "book", "donate"]) ?? "auto";
        }

        if (f.Has("custom_fields"))
        {
            draft.CustomFields = CustomFieldInput.Read(f) ?? [];
        }

        if (f.Has("custom_text"))
        {
            draft.CustomText = ReadCustomText(f) ?? new CustomText();
        }

        if (f.Has("phone_number_collection"))
        {
            draft.PhoneNumberCollection = f.Object("phone_number_collection") is { } phone && ReadEnabled(phone);
        }

        if (f.Has("consent_collection"))
        {
            draft.TermsOfService = "none";
            if (f.Object("consent_collection") is { } consent)
            {
                draft.TermsOfService = consent.Enum("terms_of_service", ["none", "required"]) ?? "none";
                consent.Unsupported("promotions", "payment_method_reuse_agreement");
                consent.RejectUnknown();
            }
        }

        if (f.Has("restrictions"))
        {
            draft.CompletedSessionsLimit = ReadLimit(f);
        }

        if (f.Has("inactive_message"))
        {
            draft.InactiveMessage = f.String("inactive_message", max: 500);
        }

        if (f.Has("lookup_key"))
        {
            draft.LookupKey = f.String("lookup_key", min: 1, max: 200);
            if (draft.LookupKey is { } key && (!LookupKeyPattern().IsMatch(key) || key.StartsWith("pl_", StringComparison.Ordinal)))
            {
                v.Add("lookup_key", "lookup_key may use only A-Z a-z 0-9 _ . - and must not start with 'pl_'.");
            }
        }

        var metadata = create ? Metadata.ReadForCreate(f) : Metadata.ReadForUpdate(f, draft.MetadataJson);
        if (metadata is not null)
        {
            draft.MetadataJson = metadata;
        }

        f.RejectUnknown();
    }

    internal static List<PaymentLinkLineItem>? ReadLineItems(JsonFields f)
    {
        var items = f.Array("line_items", 1, MaxLineItems, required: true);
        if (items is null)
        {
            return null;
        }

        var result = new List<PaymentLinkLineItem>();
        foreach (var (item, path) in items)
        {
            if (f.ItemObject(item, path) is not { } line)
            {
                continue;
            }

            var priceId = line.String("price_id", required: true, min: 1, max: 64);
            var quantity = line.Integer("quantity", 1, MaxQuantity, required: true);
            AdjustableQuantity? adjustable = null;
            if (line.Object("adjustable_quantity") is { } adj)
            {
                adjustable = new AdjustableQuantity
                {
                    Enabled = adj.Bool("enabled", required: true) ?? false,
                    Minimum = (int)(adj.Integer("minimum", 0, MaxQuantity) ?? 1),
                    Maximum = (int)(adj.Integer("maximum", 1, MaxQuantity) ?? 99),
                };
                adj.RejectUnknown();
                if (adjustable.Minimum > adjustable.Maximum)
                {
                    f.Validation.Add(adj.Param("minimum"), $"{adj.Param("minimum")} must not exceed the maximum.");
                }
                else if (quantity is { } q && (q < adjustable.Minimum || q > adjustable.Maximum))
                {
                    f.Validation.Add(line.Param("quantity"), $"{line.Param("quantity")} must lie between adjustable_quantity.minimum ({adjustable.Minimum}) and maximum ({adjustable.Maximum}).");
                }
            }

            line.Unsupported("price_data");
            line.RejectUnknown();
            result.Add(new PaymentLinkLineItem { PriceId = priceId ?? "", Quantity = (int)(quantity ?? 0), AdjustableQuantity = adjustable });
        }

        return result;
    }

    private static AfterCompletion? ReadAfterCompletion(JsonFields f)
    {
        if (f.Object("after_completion") is not { } ac)
        {
            return null;
        }

        var type = ac.Enum("type", ["redirect", "hosted_confirmation"], required: true);
        var result = new AfterCompletion { Type = type ?? "hosted_confirmation" };
        if (ac.Object("redirect") is { } redirect)
        {
            if (type != "redirect")
            {
                f.Validation.Add(redirect.Param("url"), "after_completion.redirect goes with type redirect.");
            }

            var url = redirect.String("url", required: true, min: 1, max: 2048, trim: true);
            if (url is not null && !IsHttpUrl(url.Replace("{CHECKOUT_SESSION_ID}", "cs", StringComparison.Ordinal)))
            {
                f.Validation.Add(redirect.Param("url"), $"after_completion.redirect.url must be an absolute http or https URL{HttpUrlHint}.");
            }

            redirect.RejectUnknown();
            result.Redirect = new AfterCompletionRedirect { Url = url ?? "" };
        }
        else if (type == "redirect")
        {
            f.Validation.Add(ac.Param("redirect.url"), "after_completion.redirect.url is required when type is redirect.", "parameter_missing");
        }

        if (ac.Object("hosted_confirmation") is { } hosted)
        {
            if (type != "hosted_confirmation")
            {
                f.Validation.Add(hosted.Param("custom_message"), "after_completion.hosted_confirmation goes with type hosted_confirmation.");
            }

            result.HostedConfirmation = new HostedConfirmation { CustomMessage = hosted.String("custom_message", max: 500) };
            hosted.RejectUnknown();
        }

        ac.RejectUnknown();
        return result;
    }

    internal static CustomText? ReadCustomText(JsonFields f)
    {
        if (f.Object("custom_text") is not { } text)
        {
            return null;
        }

        var result = new CustomText
        {
            Submit = ReadMessage(text, "submit"),
            AfterSubmit = ReadMessage(text, "after_submit"),
            TermsOfServiceAcceptance = ReadMessage(text, "terms_of_service_acceptance"),
        };
        text.Unsupported("shipping_address");
        text.RejectUnknown();
        return result;
    }

    /// <summary>A custom text: a string, or (as Stripe sends it) <c>{"message": "…"}</c>.</summary>
    private static string? ReadMessage(JsonFields f, string name)
    {
        if (f.Has(name) && f.Element.GetProperty(name).ValueKind == JsonValueKind.Object)
        {
            var message = f.Object(name)!;
            var value = message.String("message", required: true, max: 1200);
            message.RejectUnknown();
            return value;
        }

        return f.String(name, max: 1200);
    }

    internal static bool ReadEnabled(JsonFields f)
    {
        var enabled = f.Bool("enabled", required: true) ?? false;
        f.RejectUnknown();
        return enabled;
    }

    private static int? ReadLimit(JsonFields f)
    {
        if (f.Object("restrictions") is not { } restrictions)
        {
            return null;
        }

        int? limit = null;
        if (restrictions.Object("completed_sessions") is { } completed)
        {
            limit = (int?)completed.Integer("limit", 1, int.MaxValue, required: true);
            completed.Forbid("count", "restrictions.completed_sessions.count is read-only.");
            completed.RejectUnknown();
        }

        restrictions.RejectUnknown();
        return limit;
    }

    /// <summary>Said of a URL field that was refused: spaces at its ends are trimmed, but none may be inside.</summary>
    public const string HttpUrlHint = ", with no spaces or control characters inside (percent-encode them, e.g. %20)";

    /// <summary>
    /// An absolute http(s) URL with a host that a <c>Location</c> header can carry as written: no whitespace or
    /// control characters (a line break in a redirect target would break the response after a payment).
    /// </summary>
    public static bool IsHttpUrl(string text) =>
        !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    internal static bool IsFieldKey(string key) => FieldKeyPattern().IsMatch(key);
}
