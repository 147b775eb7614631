namespace Paylink.Server.Features.Events;

/// <summary>Every event type the server records; a webhook endpoint may subscribe only to these (or <c>*</c>).</summary>
public static class EventTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "payment_link.created",
        "payment_link.updated",
        "product.created",
        "product.updated",
        "price.created",
        "price.updated",
        "checkout.session.completed",
        "checkout.session.expired",
        "payment_intent.succeeded",
        "payment_intent.payment_failed",
        "customer.created",
        "coupon.created",
        "promotion_code.created",
        "promotion_code.updated",
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
