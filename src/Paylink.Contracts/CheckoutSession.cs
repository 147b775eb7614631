using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Paylink.Client;

/// <summary>One customer's attempt to pay: from a payment link's page, or created through the API.</summary>
public sealed class CheckoutSession : ApiObject
{
    /// <summary>The link the session came from, if any.</summary>
    public string? PaymentLinkId { get; set; }

    /// <summary><c>payment</c>.</summary>
    public string Mode { get; set; } = "payment";

    /// <summary><c>open</c>, <c>complete</c> or <c>expired</c>.</summary>
    public string Status { get; set; } = "open";

    /// <summary><c>unpaid</c>, <c>paid</c> or <c>no_payment_required</c>.</summary>
    public string PaymentStatus { get; set; } = "unpaid";

    /// <summary>What is bought, with a snapshot of each price.</summary>
    public List<CheckoutLineItem> LineItems { get; set; } = [];

    /// <summary>The currency, a lower-case ISO 4217 code.</summary>
    public string CurrencyId { get; set; } = "";

    /// <summary>Sum of the line totals, before discounts.</summary>
    public string AmountSubtotal { get; set; } = "0";

    /// <summary>What the customer pays.</summary>
    public string AmountTotal { get; set; } = "0";

    /// <summary>Discount totals.</summary>
    public TotalDetails TotalDetails { get; set; } = new();

    /// <summary>The discount applied to the order (a promotion code and its coupon), if any.</summary>
    public List<SessionDiscount> Discounts { get; set; } = [];

    /// <summary>The customer made or reused for this session, if any.</summary>
    public string? CustomerId { get; set; }

    /// <summary>What the customer entered.</summary>
    public CustomerDetails? CustomerDetails { get; set; }

    /// <summary>The link's custom fields with the customer's values.</summary>
    public List<CustomField> CustomFields { get; set; } = [];

    /// <summary>Consents the customer gave.</summary>
    public SessionConsent? Consent { get; set; }

    /// <summary>The payment intent of the charge, once the customer submitted.</summary>
    public string? PaymentIntentId { get; set; }

    /// <summary>The hosted page of this session.</summary>
    public string Url { get; set; } = "";

    /// <summary>Where the customer goes after paying (API-made sessions).</summary>
    public string? SuccessUrl { get; set; }

    /// <summary>Where the customer goes to give up (API-made sessions).</summary>
    public string? CancelUrl { get; set; }

    /// <summary>When the session expires, in Unix seconds.</summary>
    public long ExpiresAt { get; set; }

    /// <summary>The merchant's own reference for the session.</summary>
    public string? ClientReferenceId { get; set; }

    /// <summary>The customer's email as given when the session was made.</summary>
    public string? CustomerEmail { get; set; }

    /// <summary>The link's metadata, then the session's own.</summary>
    public JsonObject Metadata { get; set; } = [];
}

/// <summary>One line of a checkout session, with a snapshot of its price.</summary>
public sealed class CheckoutLineItem
{
    /// <summary>The price.</summary>
    public string PriceId { get; set; } = "";

    /// <summary>The product.</summary>
    public string ProductId { get; set; } = "";

    /// <summary>The product's name at the time.</summary>
    public string Description { get; set; } = "";

    /// <summary>How many.</summary>
    public int Quantity { get; set; }

    /// <summary>The amount per unit charged.</summary>
    public string UnitAmount { get; set; } = "0";

    /// <summary>Unit amount times quantity.</summary>
    public string AmountSubtotal { get; set; } = "0";

    /// <summary>This line's share of the order's discount (shares of the eligible lines add up to it exactly).</summary>
    public string AmountDiscount { get; set; } = "0";

    /// <summary>The line's total after discounts.</summary>
    public string AmountTotal { get; set; } = "0";
}

/// <summary>Discount totals of a session.</summary>
public sealed class TotalDetails
{
    /// <summary>The discount, as a decimal string.</summary>
    public string AmountDiscount { get; set; } = "0";
}

/// <summary>What the customer entered on the page.</summary>
public sealed class CustomerDetails
{
    /// <summary>Email address.</summary>
    public string? Email { get; set; }

    /// <summary>Name.</summary>
    public string? Name { get; set; }

    /// <summary>Phone number.</summary>
    public string? Phone { get; set; }

    /// <summary>Billing address.</summary>
    public Address? Address { get; set; }
}

/// <summary>A postal address.</summary>
public sealed class Address
{
    /// <summary>Two-letter country code.</summary>
    public string? Country { get; set; }

    /// <summary>Street line 1.</summary>
    public string? Line1 { get; set; }

    /// <summary>Street line 2.</summary>
    public string? Line2 { get; set; }

    /// <summary>City.</summary>
    public string? City { get; set; }

    /// <summary>State, province or region.</summary>
    public string? State { get; set; }

    /// <summary>Postal code.</summary>
    public string? PostalCode { get; set; }
}

/// <summary>Consents a customer gave.</summary>
public sealed class SessionConsent
{
    /// <summary><c>accepted</c> when the terms of service were accepted.</summary>
    public string? TermsOfService { get; set; }
}

/// <summary>The charge of a checkout session.</summary>
public sealed class PaymentIntent : ApiObject
{
    /// <summary>The amount charged, as a decimal string.</summary>
    public string Amount { get; set; } = "0";

    /// <summary>The currency.</summary>
    public string CurrencyId { get; set; } = "";

    /// <summary><c>requires_payment_method</c>, <c>processing</c>, <c>succeeded</c> or <c>canceled</c>.</summary>
    public string Status { get; set; } = "requires_payment_method";

    /// <summary>Why the last attempt failed.</summary>
    public PaymentError? LastPaymentError { get; set; }

    /// <summary>The card used: brand and last four digits only.</summary>
    public PaymentDetails? PaymentDetails { get; set; }

    /// <summary>The customer, if one was made.</summary>
    public string? CustomerId { get; set; }

    /// <summary>The session this intent pays.</summary>
    public string? CheckoutSessionId { get; set; }
}

/// <summary>A failed payment attempt.</summary>
public sealed class PaymentError
{
    /// <summary>For example <c>card_declined</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>A readable explanation.</summary>
    public string Message { get; set; } = "";
}

/// <summary>The card of a payment: never the number or CVC.</summary>
public sealed class PaymentDetails
{
    /// <summary>The card details.</summary>
    public CardDetails? Card { get; set; }
}

/// <summary>A card's brand and last four digits.</summary>
public sealed class CardDetails
{
    /// <summary>For example <c>visa</c>.</summary>
    public string Brand { get; set; } = "";

    /// <summary>The last four digits.</summary>
    public string Last4 { get; set; } = "";
}

/// <summary>Someone who paid.</summary>
public sealed class Customer : ApiObject
{
    /// <summary>Email address, unique per mode.</summary>
    public string? Email { get; set; }

    /// <summary>Name.</summary>
    public string? Name { get; set; }

    /// <summary>Phone number.</summary>
    public string? Phone { get; set; }

    /// <summary>Billing address.</summary>
    public Address? Address { get; set; }

    /// <summary>The merchant's own key-value data.</summary>
    public JsonObject Metadata { get; set; } = [];
}
