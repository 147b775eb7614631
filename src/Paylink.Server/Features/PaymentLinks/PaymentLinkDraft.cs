using System.Text.Json;
using Paylink.Client;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.PaymentLinks;

/// <summary>
/// A payment link's settings while a create or update is checked: the stored record's values with the
/// request's fields laid over them, so the merged result can be validated as a whole.
/// </summary>
public sealed class PaymentLinkDraft
{
    public string Name { get; set; } = "";
    public string CurrencyId { get; set; } = "";
    public List<PaymentLinkLineItem> LineItems { get; set; } = [];
    public bool Active { get; set; } = true;
    public AfterCompletion AfterCompletion { get; set; } = new();
    public bool AllowPromotionCodes { get; set; }
    public string BillingAddressCollection { get; set; } = "auto";
    public string CustomerCreation { get; set; } = "if_required";
    public string SubmitType { get; set; } = "auto";
    public List<CustomField> CustomFields { get; set; } = [];
    public CustomText CustomText { get; set; } = new();
    public bool PhoneNumberCollection { get; set; }
    public string TermsOfService { get; set; } = "none";
    public int? CompletedSessionsLimit { get; set; }
    public string? InactiveMessage { get; set; }
    public string? LookupKey { get; set; }
    public string MetadataJson { get; set; } = Metadata.Empty;

    public static PaymentLinkDraft From(PaymentLinkRecord record) => new()
    {
        Name = record.Name,
        CurrencyId = record.CurrencyId,
        LineItems = Deserialize<List<PaymentLinkLineItem>>(record.LineItemsJson) ?? [],
        Active = record.Active,
        AfterCompletion = Deserialize<AfterCompletion>(record.AfterCompletionJson) ?? new(),
        AllowPromotionCodes = record.AllowPromotionCodes,
        BillingAddressCollection = record.BillingAddressCollection,
        CustomerCreation = record.CustomerCreation,
        SubmitType = record.SubmitType,
        CustomFields = Deserialize<List<CustomField>>(record.CustomFieldsJson) ?? [],
        CustomText = Deserialize<CustomText>(record.CustomTextJson) ?? new(),
        PhoneNumberCollection = record.PhoneNumberCollection,
        TermsOfService = record.TermsOfService,
        CompletedSessionsLimit = record.CompletedSessionsLimit,
        InactiveMessage = record.InactiveMessage,
        LookupKey = record.LookupKey,
        MetadataJson = record.MetadataJson,
    };

    public void CopyTo(PaymentLinkRecord record)
    {
        record.Name = Name;
        record.CurrencyId = CurrencyId;
        record.LineItemsJson = Serialize(LineItems);
        record.Active = Active;
        record.AfterCompletionJson = Serialize(AfterCompletion);
        record.AllowPromotionCodes = AllowPromotionCodes;
        record.BillingAddressCollection = BillingAddressCollection;
        record.CustomerCreation = CustomerCreation;
        record.SubmitType = SubmitType;
        record.CustomFieldsJson = Serialize(CustomFields);
        record.CustomTextJson = Serialize(CustomText);
        record.PhoneNumberCollection = PhoneNumberCollection;
        record.TermsOfService = TermsOfService;
        record.CompletedSessionsLimit = CompletedSessionsLimit;
        record.InactiveMessage = InactiveMessage;
        record.LookupKey = LookupKey;
        record.MetadataJson = MetadataJson;
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ServerJson.Options);

    internal static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, ServerJson.Options);
}
