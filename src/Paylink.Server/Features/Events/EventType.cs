namespace Paylink.Server.Features.Events;

/// <summary>
/// An event type the server records: recording an event takes one of these, never free text. A webhook
/// endpoint may subscribe only to these (or <c>*</c>). <see cref="Name"/> is what is stored and sent.
/// </summary>
public sealed class EventType
{
    public static readonly EventType PaymentLinkCreated = new("payment_link.created");
    public static readonly EventType PaymentLinkUpdated = new("payment_link.updated");
    public static readonly EventType ProductCreated = new("product.created");
    public static readonly EventType ProductUpdated = new("product.updated");
    public static readonly EventType PriceCreated = new("price.created");
    public static readonly EventType PriceUpdated = new("price.updated");
    public static readonly EventType CheckoutSessionCompleted = new("checkout.session.completed");
    public static readonly EventType CheckoutSessionExpired = new("checkout.session.expired");
    public static readonly EventType PaymentIntentSucceeded = new("payment_intent.succeeded");
    public static readonly EventType PaymentIntentPaymentFailed = new("payment_intent.payment_failed");
    public static readonly EventType CustomerCreated = new("customer.created");
    public static readonly EventType CouponCreated = new("coupon.created");
    public static readonly EventType PromotionCodeCreated = new("promotion_code.created");
    public static readonly EventType PromotionCodeUpdated = new("promotion_code.updated");

    /// <summary>Every event type, in the order the API documents them (and lists them in errors).</summary>
    public static readonly IReadOnlyList<EventType> All =
    [
        PaymentLinkCreated, PaymentLinkUpdated, ProductCreated, ProductUpdated, PriceCreated, PriceUpdated,
        CheckoutSessionCompleted, CheckoutSessionExpired, PaymentIntentSucceeded, PaymentIntentPaymentFailed,
        CustomerCreated, CouponCreated, PromotionCodeCreated, PromotionCodeUpdated,
    ];

    private EventType(string name) => Name = name;

    /// <summary>The type's name, as stored in <c>events.type</c> and sent in an event's <c>type</c>.</summary>
    public string Name { get; }

    public static bool IsKnown(string name) => All.Any(t => t.Name == name);

    public override string ToString() => Name;
}
