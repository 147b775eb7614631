namespace Paylink.Data.Entities;

public sealed class PaymentLinkRecord
{
    public required string Id { get; set; }
    public bool Livemode { get; set; }
    public bool Active { get; set; } = true;
    public required string Name { get; set; }
    public required string CurrencyId { get; set; }

    // Nested settings that are never queried are kept as JSON text (not jsonb: key order is part of the contract).
    public string LineItemsJson { get; set; } = "[]";
    public string AfterCompletionJson { get; set; } = "{}";
    public string CustomFieldsJson { get; set; } = "[]";
    public string CustomTextJson { get; set; } = "{}";
    public string MetadataJson { get; set; } = "{}";

    public bool AllowPromotionCodes { get; set; }
    public string CustomerCreation { get; set; } = "if_required";
    public string BillingAddressCollection { get; set; } = "auto";
    public bool PhoneNumberCollection { get; set; }
    public string TermsOfService { get; set; } = "none";
    public string SubmitType { get; set; } = "auto";
    public int? CompletedSessionsLimit { get; set; }
    public int CompletedSessionsCount { get; set; }

    /// <summary>Sessions paying now that count against <see cref="CompletedSessionsLimit"/>.</summary>
    public int CompletedSessionsReserved { get; set; }

    public string? InactiveMessage { get; set; }
    public string? LookupKey { get; set; }
    public string CreatedVia { get; set; } = "api";

    /// <summary>Grows by one on every change; the payment page posts it back so a stale form is noticed.</summary>
    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
