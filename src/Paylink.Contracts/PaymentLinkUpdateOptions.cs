using System.Text.Json.Nodes;

namespace Paylink.Client;

/// <summary>
/// The body of <c>PUT /api/payment-links/{id}</c>: only the fields present change, and <c>null</c> puts
/// an optional field back to its default. Objects and lists replace the stored ones whole; <c>metadata</c>
/// merges. (In the SDK, only the properties you assign are sent, null included.)
/// </summary>
public sealed class PaymentLinkUpdateOptions : UpdateOptions
{
    /// <summary>1–255 characters.</summary>
    public string? Name { get => Get<string>(); set => Set(value); }

    /// <summary>Only together with <c>line_items</c>.</summary>
    public string? CurrencyId { get => Get<string>(); set => Set(value); }

    /// <summary>Replaces all line items.</summary>
    public List<PaymentLinkLineItemOptions>? LineItems { get => Get<List<PaymentLinkLineItemOptions>>(); set => Set(value); }

    /// <summary>Whether the link takes payments.</summary>
    public bool? Active { get => Get<bool?>(); set => Set(value); }

    /// <summary>Replaces the after-completion behaviour; null resets it to the hosted confirmation page.</summary>
    public AfterCompletion? AfterCompletion { get => Get<AfterCompletion>(); set => Set(value); }

    /// <summary>Whether promotion codes are allowed.</summary>
    public bool? AllowPromotionCodes { get => Get<bool?>(); set => Set(value); }

    /// <summary><c>auto</c> or <c>required</c>.</summary>
    public string? BillingAddressCollection { get => Get<string>(); set => Set(value); }

    /// <summary><c>if_required</c> or <c>always</c>.</summary>
    public string? CustomerCreation { get => Get<string>(); set => Set(value); }

    /// <summary><c>auto</c>, <c>pay</c>, <c>book</c> or <c>donate</c>.</summary>
    public string? SubmitType { get => Get<string>(); set => Set(value); }

    /// <summary>Replaces the custom fields; null or an empty list removes them.</summary>
    public List<CustomField>? CustomFields { get => Get<List<CustomField>>(); set => Set(value); }

    /// <summary>Replaces the custom text; null removes it.</summary>
    public CustomText? CustomText { get => Get<CustomText>(); set => Set(value); }

    /// <summary>Ask for a phone number.</summary>
    public PhoneNumberCollection? PhoneNumberCollection { get => Get<PhoneNumberCollection>(); set => Set(value); }

    /// <summary>Ask the customer to accept terms of service.</summary>
    public ConsentCollection? ConsentCollection { get => Get<ConsentCollection>(); set => Set(value); }

    /// <summary>Replaces the restrictions; null removes the limit.</summary>
    public PaymentLinkRestrictionsOptions? Restrictions { get => Get<PaymentLinkRestrictionsOptions>(); set => Set(value); }

    /// <summary>Shown when the link is inactive; null goes back to the default message.</summary>
    public string? InactiveMessage { get => Get<string>(); set => Set(value); }

    /// <summary>Unique per mode; null removes it.</summary>
    public string? LookupKey { get => Get<string>(); set => Set(value); }

    /// <summary>Merged into the stored metadata: a key set to null or "" is removed, others stay; null clears it all.</summary>
    public JsonObject? Metadata { get => Get<JsonObject>(); set => Set(value); }
}
