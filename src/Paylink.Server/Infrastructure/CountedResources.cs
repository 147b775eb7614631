namespace Paylink.Server.Infrastructure;

/// <summary>
/// The resources whose lists are counted by <see cref="Counters"/>: each name is the first part of its
/// counters' keys, stored in the database, so a name never changes. Here rather than on a feature's
/// endpoints, because other features and start-up write the same counters.
/// </summary>
public static class CountedResources
{
    public const string PaymentLink = "payment_link";
    public const string Product = "product";
    public const string Price = "price";
    public const string Coupon = "coupon";
    public const string PromotionCode = "promotion_code";
}
