using Paylink.Client;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.PaymentLinks;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout;

/// <summary>Reads <c>POST /api/checkout-sessions</c>: line items, URLs, expiry, and the same page options a link has.</summary>
public static class CheckoutSessionInput
{
    public static async Task<CheckoutSessionRecord> ReadAsync(JsonFields f, PaylinkDbContext db, CurrencyCatalog currencies, bool livemode,
        string? termsUrl, DateTime now, CancellationToken cancellationToken)
    {
        var v = f.Validation;
        var mode = f.String("mode") ?? "payment";
        if (mode is "subscription" or "setup")
        {
            v.Add("mode", $"mode '{mode}' is not supported yet; use payment.", "mode_not_supported");
        }
        else if (mode != "payment")
        {
            v.Add("mode", "mode must be payment.");
        }

        f.Unsupported(PaymentLinkInput.UnsupportedFields);
        f.Unsupported("customer", "ui_mode", "return_url", "discounts", "locale");
        var draft = new PaymentLinkDraft { LineItems = PaymentLinkInput.ReadLineItems(f) ?? [] };
        var currencyGiven = f.String("currency_id", min: 1, max: 8);
        if (currencyGiven is not null && currencies.Resolve(currencyGiven, "currency_id", v) is { } currency)
        {
            draft.CurrencyId = currency.Id;
        }

        var successUrl = Url(f, "success_url");
        var cancelUrl = Url(f, "cancel_url");
        var email = f.String("customer_email", max: 254);
        var reference = f.String("client_reference_id", min: 1, max: 200);
        var expiresAt = f.Integer("expires_at", 0, long.MaxValue / 2);
        draft.BillingAddressCollection = f.Enum("billing_address_collection", ["auto", "required"]) ?? "auto";
        draft.CustomerCreation = f.Enum("customer_creation", ["if_required", "always"]) ?? "if_required";
        draft.SubmitType = f.Enum("submit_type", ["auto", "pay", "book", "donate"]) ?? "auto";
        draft.AllowPromotionCodes = f.Bool("allow_promotion_codes") ?? false;
        draft.CustomFields = CustomFieldInput.Read(f) ?? [];
        draft.CustomText = PaymentLinkInput.ReadCustomText(f) ?? new CustomText();
        draft.PhoneNumberCollection = f.Object("phone_number_collection") is { } phone && PaymentLinkInput.ReadEnabled(phone);
        if (f.Object("consent_collection") is { } consent)
        {
            draft.TermsOfService = consent.Enum("terms_of_service", ["none", "required"]) ?? "none";
            consent.RejectUnknown();
        }

        draft.MetadataJson = Metadata.ReadForCreate(f) ?? Metadata.Empty;
        f.RejectUnknown();

        var expiry = now.AddHours(24);
        if (expiresAt is { } unix)
        {
            expiry = DateTime.UnixEpoch.AddSeconds(unix);
            if (expiry < now.AddMinutes(30) || expiry > now.AddHours(24).AddSeconds(1))
            {
                v.Add("expires_at", "expires_at must be between 30 minutes and 24 hours from now (Unix seconds).");
            }
        }

        var prices = v.HasErrors ? [] : await PaymentLinkRules.CheckAsync(db, currencies, draft, null, lineItemsGiven: true, activeGiven: false, livemode, termsUrl, v, cancellationToken);
        if (draft.CurrencyId.Length == 0 && prices.Count > 0)
        {
            draft.CurrencyId = prices[0].CurrencyId;
            if (prices.Any(p => p.CurrencyId != draft.CurrencyId))
            {
                v.Add("line_items", "All line items must be in one currency.");
            }
        }

        v.ThrowIfAny();
        // The session carries its lines and amounts from the start, as the page shows them; a submit records what the customer chose.
        var byId = prices.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var cart = Cart.Starting(draft.LineItems.Select(l => (l, byId[l.PriceId], byId[l.PriceId].Product!)), currencies.Find(draft.CurrencyId)!);
        return new CheckoutSessionRecord
        {
            Id = Ids.New("cs"),
            Livemode = livemode,
            CurrencyId = draft.CurrencyId,
            Lines = cart.ToSessionLines(),
            AmountSubtotal = cart.Subtotal,
            AmountTotal = cart.Total,
            SettingsJson = CheckoutSettings.From(draft).ToJson(),
            SuccessUrl = successUrl,
            CancelUrl = cancelUrl,
            CustomerEmail = email,
            ClientReferenceId = reference,
            MetadataJson = draft.MetadataJson,
            ExpiresAt = expiry,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static string? Url(JsonFields f, string name)
    {
        var url = f.String(name, max: 2048, trim: true);
        if (url is not null && !PaymentLinkInput.IsHttpUrl(url.Replace("{CHECKOUT_SESSION_ID}", "cs", StringComparison.Ordinal)))
        {
            f.Validation.Add(name, $"{name} must be an absolute http or https URL{PaymentLinkInput.HttpUrlHint}.");
        }

        return url;
    }
}
