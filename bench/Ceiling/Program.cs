// The ceiling: the least an ASP.NET Core endpoint can do on this machine — a fixed ~1 KB JSON object,
// no database, no auth — measured with the same load generator and connections as Paylink's scenarios.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var body = new
{
    id = "pl_ceiling0000000000000000",
    @object = "payment_link",
    active = true,
    livemode = false,
    name = "Monthly Subscription Box",
    url = "http://127.0.0.1/checkout/pay/pl_ceiling0000000000000000",
    line_items = new[] { new { price_id = "price_ceiling000000000000000", quantity = 1 } },
    currency_id = "usd",
    after_completion = new { type = "redirect", redirect = new { url = "https://example.com/thanks" } },
    allow_promotion_codes = false,
    custom_fields = Array.Empty<object>(),
    custom_text = new { },
    customer_creation = "if_required",
    billing_address_collection = "auto",
    phone_number_collection = new { enabled = false },
    consent_collection = new { terms_of_service = "none" },
    submit_type = "auto",
    metadata = new { order_id = "6735", customer = "ceiling", note = "a fixed object of about one kilobyte" },
    restrictions = (object?)null,
    inactive_message = (string?)null,
    lookup_key = (string?)null,
    created_at = "2023-10-27T10:00:00.000Z",
    created_via = "api",
    updated_at = "2023-10-27T10:00:00.000Z",
};
app.MapGet("/json", () => Results.Json(body));
app.Run();
