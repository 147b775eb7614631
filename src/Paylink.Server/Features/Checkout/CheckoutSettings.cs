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
