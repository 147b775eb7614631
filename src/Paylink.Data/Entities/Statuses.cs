namespace Paylink.Data.Entities;

// Each status is stored, and sent on the wire, as its name in snake_case (see StoredText):
// RequiresPaymentMethod is "requires_payment_method". Renaming a member changes the stored text.

/// <summary>A checkout session's <c>status</c>.</summary>
public enum CheckoutSessionStatus
{
    Open,
    Complete,
    Expired,
}

/// <summary>A checkout session's <c>payment_status</c>.</summary>
public enum CheckoutPaymentStatus
{
    Unpaid,
    Paid,
    NoPaymentRequired,
}

/// <summary>A payment intent's <c>status</c>.</summary>
public enum PaymentIntentStatus
{
    RequiresPaymentMethod,
    Processing,
    Succeeded,
    Canceled,
}

/// <summary>A webhook endpoint's <c>status</c>: a disabled endpoint is sent nothing.</summary>
public enum WebhookEndpointStatus
{
    Enabled,
    Disabled,
}

/// <summary>A webhook delivery's state: <c>failed</c> means no retry is left.</summary>
public enum WebhookDeliveryStatus
{
    Pending,
    Succeeded,
    Failed,
}
