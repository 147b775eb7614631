using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Paylink.Client;

/// <summary>A shareable URL that opens a hosted payment page.</summary>
public sealed class PaymentLink : ApiObject
{
    /// <summary>Whether the link takes payments.</summary>
    [JsonPropertyOrder(-8)]
    public bool Active { get; set; }

    /// <summary>The internal name, never shown to customers.</summary>
    public string Name { get; set; } = "";

    /// <summary>The page customers open.</summary>
    public string Url { get; set; } = "";

    /// <summary>What is sold.</summary>
    public List<PaymentLinkLineItem> LineItems { get; set; } = [];

    /// <summary>The currency, a lower-case ISO 4217 code.</summary>
    public string CurrencyId { get; set; } = "";

    /// <summary>What happens after the customer pays.</summary>
    public AfterCompletion AfterCompletion { get; set; } = new();

    /// <summary>Whether the customer may enter a promotion code.</summary>
    public bool AllowPromotionCodes { get; set; }

    /// <summary>Extra fields the page asks for.</summary>
    public List<CustomField> CustomFields { get; set; } = [];

    /// <summary>Extra words shown on the page.</summary>
    public CustomText CustomText { get; set; } = new();

    /// <summary><c>if_required</c> or <c>always</c>.</summary>
    public string CustomerCreation { get; set; } = "if_required";

    /// <summary><c>auto</c> or <c>required</c>.</summary>
    public string BillingAddressCollection { get; set; } = "auto";

    /// <summary>Whether the page asks for a phone number.</summary>
    public PhoneNumberCollection PhoneNumberCollection { get; set; } = new();

    /// <summary>Whether the page asks the customer to accept terms of service.</summary>
    public ConsentCollection ConsentCollection { get; set; } = new();

    /// <summary><c>auto</c>, <c>pay</c>, <c>book</c> or <c>donate</c>: the pay button's words.</summary>
    public string SubmitType { get; set; } = "auto";

    /// <summary>The merchant's own key-value data.</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>Limits on how the link can be used.</summary>
    public PaymentLinkRestrictions? Restrictions { get; set; }

    /// <summary>Shown on the page of an inactive link.</summary>
    public string? InactiveMessage { get; set; }

    /// <summary>A key the merchant can retrieve the link by, unique per mode.</summary>
    public string? LookupKey { get; set; }

    /// <summary><c>api</c> or <c>dashboard</c>.</summary>
    [JsonPropertyOrder(91)]
    public string CreatedVia { get; set; } = "api";
}

/// <summary>One item a payment link sells.</summary>
public sealed class PaymentLinkLineItem
{
    /// <summary>The price of the item.</summary>
    public string PriceId { get; set; } = "";

    /// <summary>How many, 1–999.</summary>
    public int Quantity { get; set; }

    /// <summary>Lets the customer change the quantity within bounds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AdjustableQuantity? AdjustableQuantity { get; set; }

    /// <summary>The price with its product and currency (on retrieve).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Price? Price { get; set; }
}

/// <summary>Whether and how far the customer may change a quantity.</summary>
public sealed class AdjustableQuantity
{
    /// <summary>Whether the customer may change it.</summary>
    public bool Enabled { get; set; }

    /// <summary>The least quantity (default 1).</summary>
    public int Minimum { get; set; } = 1;

    /// <summary>The greatest quantity (default 99).</summary>
    public int Maximum { get; set; } = 99;
}

/// <summary>What happens after a payment.</summary>
public sealed class AfterCompletion
{
    /// <summary><c>redirect</c> or <c>hosted_confirmation</c>.</summary>
    public string Type { get; set; } = "hosted_confirmation";

    /// <summary>Where to send the customer (for <c>redirect</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AfterCompletionRedirect? Redirect { get; set; }

    /// <summary>The confirmation page's message (for <c>hosted_confirmation</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HostedConfirmation? HostedConfirmation { get; set; }
}

/// <summary>A redirect after payment.</summary>
public sealed class AfterCompletionRedirect
{
    /// <summary>An absolute http(s) URL; <c>{CHECKOUT_SESSION_ID}</c> is replaced by the session id.</summary>
    public string Url { get; set; } = "";
}

/// <summary>The hosted confirmation page.</summary>
public sealed class HostedConfirmation
{
    /// <summary>A message shown instead of the default thank-you.</summary>
    public string? CustomMessage { get; set; }
}

/// <summary>An extra field on the payment page.</summary>
public sealed class CustomField
{
    /// <summary>Alphanumeric key, unique within the link.</summary>
    public string Key { get; set; } = "";

    /// <summary>The label customers see.</summary>
    public CustomFieldLabel Label { get; set; } = new();

    /// <summary><c>text</c>, <c>numeric</c> or <c>dropdown</c>.</summary>
    public string Type { get; set; } = "text";

    /// <summary>Whether the customer may leave it empty.</summary>
    public bool Optional { get; set; }

    /// <summary>Length rules for a text field.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CustomFieldLength? Text { get; set; }

    /// <summary>Length rules for a numeric field.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CustomFieldLength? Numeric { get; set; }

    /// <summary>The choices of a dropdown.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CustomFieldDropdown? Dropdown { get; set; }

    /// <summary>The customer's value (on checkout sessions).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Value { get; set; }
}

/// <summary>A custom field's label.</summary>
public sealed class CustomFieldLabel
{
    /// <summary><c>custom</c>.</summary>
    public string Type { get; set; } = "custom";

    /// <summary>The words, 1–50 characters.</summary>
    public string Custom { get; set; } = "";
}

/// <summary>Length bounds of a text or numeric custom field.</summary>
public sealed class CustomFieldLength
{
    /// <summary>Least length, 0–255.</summary>
    public int? MinimumLength { get; set; }

    /// <summary>Greatest length, 0–255.</summary>
    public int? MaximumLength { get; set; }
}

/// <summary>The choices of a dropdown custom field.</summary>
public sealed class CustomFieldDropdown
{
    /// <summary>1–200 options with unique values.</summary>
    public List<CustomFieldOption> Options { get; set; } = [];
}

/// <summary>One dropdown choice.</summary>
public sealed class CustomFieldOption
{
    /// <summary>What the customer sees.</summary>
    public string Label { get; set; } = "";

    /// <summary>What is recorded.</summary>
    public string Value { get; set; } = "";
}

/// <summary>Extra words on the payment page, each at most 1,200 characters.</summary>
public sealed class CustomText
{
    /// <summary>Shown beside the pay button.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Submit { get; set; }

    /// <summary>Shown after the customer pays.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AfterSubmit { get; set; }

    /// <summary>Shown beside the terms-of-service checkbox.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TermsOfServiceAcceptance { get; set; }
}

/// <summary>Whether the page asks for a phone number.</summary>
public sealed class PhoneNumberCollection
{
    /// <summary>True to ask.</summary>
    public bool Enabled { get; set; }
}

/// <summary>Consents the page asks for.</summary>
public sealed class ConsentCollection
{
    /// <summary><c>none</c> or <c>required</c>.</summary>
    public string TermsOfService { get; set; } = "none";
}

/// <summary>Limits on a payment link.</summary>
public sealed class PaymentLinkRestrictions
{
    /// <summary>A cap on completed checkout sessions.</summary>
    public CompletedSessionsRestriction? CompletedSessions { get; set; }
}

/// <summary>When <see cref="Limit"/> sessions have completed, the link deactivates itself.</summary>
public sealed class CompletedSessionsRestriction
{
    /// <summary>How many completed sessions the link allows.</summary>
    public int Limit { get; set; }

    /// <summary>How many have completed (read-only).</summary>
    public int Count { get; set; }
}
