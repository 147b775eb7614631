using System.Text.Json;
using Paylink.Client;
using Paylink.Server.Features.PaymentLinks;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout;

/// <summary>What a checkout page asks and shows: a link's page options, copied onto each session it makes.</summary>
public sealed class CheckoutSettings
{
    public List<PaymentLinkLineItem> LineItems { get; set; } = [];
    public AfterCompletion AfterCompletion { get; set; } = new();
    public string BillingAddressCollection { get; set; } = "auto";
    public string CustomerCreation { get; set; } = "if_required";
    public string SubmitType { get; set; } = "auto";
    public List<CustomField> CustomFields { get; set; } = [];
    public CustomText CustomText { get; set; } = new();
    public bool PhoneNumberCollection { get; set; }
    public string TermsOfService { get; set; } = "none";
    public bool AllowPromotionCodes { get; set; }

    public static CheckoutSettings From(PaymentLinkDraft link) => new()
    {
        LineItems = link.LineItems,
        AfterCompletion = link.AfterCompletion,
        BillingAddressCollection = link.BillingAddressCollection,
        CustomerCreation = link.CustomerCreation,
        SubmitType = link.SubmitType,
        CustomFields = link.CustomFields,
        CustomText = link.CustomText,
        PhoneNumberCollection = link.PhoneNumberCollection,
        TermsOfService = link.TermsOfService,
        AllowPromotionCodes = link.AllowPromotionCodes,
    };

    public string ToJson() => JsonSerializer.Serialize(this, ServerJson.Options);

    public static CheckoutSettings Parse(string json) => JsonSerializer.Deserialize<CheckoutSettings>(json, ServerJson.Options) ?? new();
}

/// <summary>One stored line of a session, in minor units.</summary>
public sealed class SessionLine
{
    public string PriceId { get; set; } = "";
    public string ProductId { get; set; } = "";
    public string Description { get; set; } = "";
    public int Quantity { get; set; }
    public long UnitAmount { get; set; }
    public long AmountSubtotal { get; set; }
    public long AmountDiscount { get; set; }

    public static List<SessionLine> Parse(string json) => JsonSerializer.Deserialize<List<SessionLine>>(json, ServerJson.Options) ?? [];

    public static string ToJson(List<SessionLine> lines) => JsonSerializer.Serialize(lines, ServerJson.Options);
}
