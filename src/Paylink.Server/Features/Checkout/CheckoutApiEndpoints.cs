using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Paylink.Client;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;
using Paylink.Server.Infrastructure.Auth;
using Paylink.Server.Infrastructure.Lists;

namespace Paylink.Server.Features.Checkout;

/// <summary>Checkout sessions (create, retrieve, list, expire), payment intents (retrieve, list), customers (retrieve, list, update).</summary>
public static class CheckoutApiEndpoints
{
    public static void MapCheckoutApiEndpoints(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/api/checkout-sessions").WithTags("Checkout sessions");
        sessions.MapPost("/", CreateSession).WithName("CreateCheckoutSession").WithSummary("Create a checkout session; send the customer to its url.")
            .Accepts<CheckoutSessionCreateOptions>("application/json");
        sessions.MapGet("/{id}", RetrieveSession).WithName("RetrieveCheckoutSession").WithSummary("Retrieve a checkout session.");
        sessions.MapGet("/", ListSessions).WithName("ListCheckoutSessions").WithSummary("List checkout sessions (filters status, payment_link_id, customer_id).");
        sessions.MapPut("/{id}/expire", ExpireSession).WithName("ExpireCheckoutSession").WithSummary("Expire an open checkout session.");

        var intents = app.MapGroup("/api/payment-intents").WithTags("Payment intents");
        intents.MapGet("/{id}", RetrieveIntent).WithName("RetrievePaymentIntent").WithSummary("Retrieve a payment intent.");
        intents.MapGet("/", ListIntents).WithName("ListPaymentIntents").WithSummary("List payment intents (filters status, customer_id, checkout_session_id).");

        var customers = app.MapGroup("/api/customers").WithTags("Customers");
        customers.MapGet("/{id}", RetrieveCustomer).WithName("RetrieveCustomer").WithSummary("Retrieve a customer.");
        customers.MapGet("/", ListCustomers).WithName("ListCustomers").WithSummary("List customers (filter email).");
        customers.MapPut("/{id}", CustomerApi.Update).WithName("UpdateCustomer").WithSummary("Update a customer's name, phone, address or metadata.")
            .Accepts<CustomerUpdateOptions>("application/json");
    }

    private static async Task<Ok<CheckoutSession>> CreateSession(HttpRequest request, PaylinkDbContext db, CurrencyCatalog currencies, Caller caller,
        CheckoutMapper mapper, TimeProvider time, IOptions<PaylinkOptions> options)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var session = await CheckoutSessionInput.ReadAsync(new JsonFields(body, "", new Validation()), db, currencies, caller.Livemode,
            options.Value.TermsOfServiceUrl, time.UtcNow(), cancellationToken);
        db.CheckoutSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(mapper.Session(session));
    }

    private static async Task<Ok<CheckoutSession>> RetrieveSession(string id, PaylinkDbContext db, Caller caller, CheckoutMapper mapper, CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Session(await db.CheckoutSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.Livemode == caller.Livemode, cancellationToken)
            ?? throw ApiException.Missing("checkout session", id)));

    private static async Task<Ok<PagedList<CheckoutSession>>> ListSessions(HttpRequest request, PaylinkDbContext db, Caller caller, CheckoutMapper mapper, CancellationToken cancellationToken)
    {
        var list = ListRequest.Parse(request.Query, ["created_at", "updated_at"], ["status", "payment_link_id", "customer_id"]);
        var inMode = db.CheckoutSessions.AsNoTracking().Where(s => s.Livemode == caller.Livemode);
        var filtered = inMode;
        if (ListRequest.NonEmpty(request.Query, "status") is { } status)
        {
            filtered = StoredText.TryParse<CheckoutSessionStatus>(status, out var wanted) ? filtered.Where(s => s.Status == wanted) : filtered.Where(s => false);
        }

        if (ListRequest.NonEmpty(request.Query, "payment_link_id") is { } linkId)
        {
            filtered = filtered.Where(s => s.PaymentLinkId == linkId);
        }

        if (ListRequest.NonEmpty(request.Query, "customer_id") is { } customerId)
        {
            filtered = filtered.Where(s => s.CustomerId == customerId);
        }

        return TypedResults.Ok(await ListPage.BuildAsync(filtered, inMode, list, mapper.Session, cancellationToken));
    }

    private static async Task<Ok<CheckoutSession>> ExpireSession(string id, HttpRequest request, PaylinkDbContext db, Caller caller,
        CheckoutExpiry expiry, CheckoutMapper mapper)
    {
        await RequestBody.EnsureEmptyOrEmptyObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var session = await db.CheckoutSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.Livemode == caller.Livemode, cancellationToken)
            ?? throw ApiException.Missing("checkout session", id);
        if (!await expiry.ExpireAsync(session.Id, cancellationToken))
        {
            throw ApiException.Conflict("session_not_open", "Only an open checkout session whose payment is not under way can be expired.");
        }

        db.ChangeTracker.Clear();
        return TypedResults.Ok(mapper.Session(await db.CheckoutSessions.AsNoTracking().FirstAsync(s => s.Id == id, cancellationToken)));
    }

    private static async Task<Ok<PaymentIntent>> RetrieveIntent(string id, PaylinkDbContext db, Caller caller, CheckoutMapper mapper, CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Intent(await db.PaymentIntents.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Livemode == caller.Livemode, cancellationToken)
            ?? throw ApiException.Missing("payment intent", id)));

    private static async Task<Ok<PagedList<PaymentIntent>>> ListIntents(HttpRequest request, PaylinkDbContext db, Caller caller, CheckoutMapper mapper, CancellationToken cancellationToken)
    {
        var list = ListRequest.Parse(request.Query, ["created_at", "updated_at"], ["status", "customer_id", "checkout_session_id"]);
        var inMode = db.PaymentIntents.AsNoTracking().Where(p => p.Livemode == caller.Livemode);
        var filtered = inMode;
        if (ListRequest.NonEmpty(request.Query, "status") is { } status)
        {
            filtered = StoredText.TryParse<PaymentIntentStatus>(status, out var wanted) ? filtered.Where(p => p.Status == wanted) : filtered.Where(p => false);
        }

        if (ListRequest.NonEmpty(request.Query, "customer_id") is { } customerId)
        {
            filtered = filtered.Where(p => p.CustomerId == customerId);
        }

        if (ListRequest.NonEmpty(request.Query, "checkout_session_id") is { } sessionId)
        {
            filtered = filtered.Where(p => p.CheckoutSessionId == sessionId);
        }

        return TypedResults.Ok(await ListPage.BuildAsync(filtered, inMode, list, mapper.Intent, cancellationToken));
    }

    private static async Task<Ok<Customer>> RetrieveCustomer(string id, PaylinkDbContext db, Caller caller, CheckoutMapper mapper, CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Customer(await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.Livemode == caller.Livemode, cancellationToken)
            ?? throw ApiException.Missing("customer", id)));

    private static async Task<Ok<PagedList<Customer>>> ListCustomers(HttpRequest request, PaylinkDbContext db, Caller caller, CheckoutMapper mapper, CancellationToken cancellationToken)
    {
        var list = ListRequest.Parse(request.Query, ["created_at", "updated_at", "name"], ["email"]);
        var inMode = db.Customers.AsNoTracking().Where(c => c.Livemode == caller.Livemode);
        var email = ListRequest.NonEmpty(request.Query, "email")?.Trim().ToLowerInvariant();
        var filtered = email is null ? inMode : inMode.Where(c => c.Email == email);
        return TypedResults.Ok(await ListPage.BuildAsync(filtered, inMode, list, mapper.Customer, cancellationToken));
    }
}
