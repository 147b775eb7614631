using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Paylink.Client;

/// <summary>The body of <c>POST /api/products</c>.</summary>
public sealed class ProductCreateOptions
{
    /// <summary>Required, 1–255 characters.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>service</c> (default) or <c>good</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Type { get; set; }

    /// <summary>Shown on the payment page, at most 5,000 characters.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; set; }

    /// <summary>Up to 8 absolute http(s) image URLs.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Images { get; set; }

    /// <summary>A label for one unit, at most 12 characters.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UnitLabel { get; set; }

    /// <summary>5–22 characters for the customer's statement.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StatementDescriptor { get; set; }

    /// <summary>Default true.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Active { get; set; }

    /// <summary>The merchant's key-value data.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Metadata { get; set; }

    /// <summary>Prices created with the product in one transaction; the first becomes the default price.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<PriceCreateOptions>? Prices { get; set; }
}

/// <summary>The body of <c>POST /api/prices</c> (and of each entry of <see cref="ProductCreateOptions.Prices"/>, without <see cref="ProductId"/>).</summary>
public sealed class PriceCreateOptions
{
    /// <summary>The product; required except inside a product create.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ProductId { get; set; }

    /// <summary>Required: a lower-case ISO 4217 code.</summary>
    public string CurrencyId { get; set; } = "";

    /// <summary><c>one_time</c> (default).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Type { get; set; }

    /// <summary>The amount per unit as a decimal string (<c>"20.00"</c>); required unless <see cref="CustomUnitAmount"/> is set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UnitAmount { get; set; }

    /// <summary>Lets the customer choose the amount.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CustomUnitAmount? CustomUnitAmount { get; set; }

    /// <summary>A name only the merchant sees.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Nickname { get; set; }

    /// <summary>Unique per mode among active prices.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LookupKey { get; set; }

    /// <summary>The total stock ever sellable; unset means unlimited.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? QuantityAvailable { get; set; }

    /// <summary>Default true.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Active { get; set; }

    /// <summary>The merchant's key-value data.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Metadata { get; set; }
}

/// <summary>One line of a payment link create or update.</summary>
public sealed class PaymentLinkLineItemOptions
{
    /// <summary>An active one-time price in the link's currency.</summary>
    public string PriceId { get; set; } = "";

    /// <summary>1–999.</summary>
    public int Quantity { get; set; } = 1;

    /// <summary>Lets the customer change the quantity.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AdjustableQuantity? AdjustableQuantity { get; set; }
}

/// <summary>The body of <c>POST /api/payment-links</c>.</summary>
public sealed class PaymentLinkCreateOptions
{
    /// <summary>Required, 1–255 characters; never shown to customers.</summary>
    public string Name { get; set; } = "";

    /// <summary>Required: a lower-case ISO 4217 code.</summary>
    public string CurrencyId { get; set; } = "";

    /// <summary>Required: 1–20 items.</summary>
    public List<PaymentLinkLineItemOptions> LineItems { get; set; } = [];

    /// <summary>Default true.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Active { get; set; }

    /// <summary>Default: a hosted confirmation page.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AfterCompletion? AfterCompletion { get; set; }

    /// <summary>Default false.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AllowPromotionCodes { get; set; }

    /// <summary><c>auto</c> (default) or <c>required</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BillingAddressCollection { get; set; }

    /// <summary><c>if_required</c> (default) or <c>always</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CustomerCreation { get; set; }

    /// <summary><c>auto</c> (default), <c>pay</c>, <c>book</c> or <c>donate</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SubmitType { get; set; }

    /// <summary>At most 3.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<CustomField>? CustomFields { get; set; }

    /// <summary>Extra words on the page.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CustomText? CustomText { get; set; }

    /// <summary>Ask for a phone number.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PhoneNumberCollection? PhoneNumberCollection { get; set; }

    /// <summary>Ask the customer to accept terms of service.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ConsentCollection? ConsentCollection { get; set; }

    /// <summary>A cap on completed sessions.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PaymentLinkRestrictionsOptions? Restrictions { get; set; }

    /// <summary>Shown when the link is inactive, at most 500 characters.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InactiveMessage { get; set; }

    /// <summary>1–200 characters of A-Z a-z 0-9 _ . -, unique per mode.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LookupKey { get; set; }

    /// <summary>The merchant's key-value data.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Metadata { get; set; }
}

/// <summary>Limits to set on a payment link.</summary>
public sealed class PaymentLinkRestrictionsOptions
{
    /// <summary>A cap on completed checkout sessions.</summary>
    public CompletedSessionsLimitOptions? CompletedSessions { get; set; }
}

/// <summary>The cap on completed sessions.</summary>
public sealed class CompletedSessionsLimitOptions
{
    /// <summary>A positive number of sessions.</summary>
    public int Limit { get; set; }
}

/// <summary>The body of <c>POST /api/checkout-sessions</c>.</summary>
public sealed class CheckoutSessionCreateOptions
{
    /// <summary>Required: 1–20 items.</summary>
    public List<PaymentLinkLineItemOptions> LineItems { get; set; } = [];

    /// <summary><c>payment</c> (the default and only mode for now).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Mode { get; set; }

    /// <summary>Taken from the prices when omitted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CurrencyId { get; set; }

    /// <summary>Where the customer goes after paying; may contain <c>{CHECKOUT_SESSION_ID}</c>. Without it, a hosted confirmation.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SuccessUrl { get; set; }

    /// <summary>Where the customer goes to give up.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CancelUrl { get; set; }

    /// <summary>Prefills the email field.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CustomerEmail { get; set; }

    /// <summary>The merchant's own reference.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ClientReferenceId { get; set; }

    /// <summary>Unix seconds, 30 minutes to 24 hours from now (default 24 hours).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ExpiresAt { get; set; }

    /// <summary><c>auto</c> or <c>required</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BillingAddressCollection { get; set; }

    /// <summary><c>if_required</c> or <c>always</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CustomerCreation { get; set; }

    /// <summary><c>auto</c>, <c>pay</c>, <c>book</c> or <c>donate</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SubmitType { get; set; }

    /// <summary>At most 3.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<CustomField>? CustomFields { get; set; }

    /// <summary>Extra words on the page.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CustomText? CustomText { get; set; }

    /// <summary>Ask for a phone number.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PhoneNumberCollection? PhoneNumberCollection { get; set; }

    /// <summary>Ask the customer to accept terms of service.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ConsentCollection? ConsentCollection { get; set; }

    /// <summary>Whether promotion codes are allowed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AllowPromotionCodes { get; set; }

    /// <summary>The merchant's key-value data.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Metadata { get; set; }
}
