using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Paylink.Client;
using Paylink.Data;
using Paylink.Server.Infrastructure;
using Paylink.Server.Infrastructure.Auth;

namespace Paylink.Server.Features.Checkout;

public static class CustomerApi
{
    public static async Task<Ok<Customer>> Update(string id, HttpRequest request, PaylinkDbContext db, Caller caller, CheckoutMapper mapper, TimeProvider time)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id && c.Livemode == caller.Livemode, cancellationToken)
            ?? throw ApiException.Missing("customer", id);
        var v = new Validation();
        var f = new JsonFields(body, "", v);
        if (f.Has("name"))
        {
            customer.Name = f.String("name", max: 200);
        }

        if (f.Has("phone"))
        {
            customer.Phone = f.String("phone", max: 30);
        }

        if (f.Has("email"))
        {
            customer.Email = f.String("email", min: 3, max: 254)?.Trim().ToLowerInvariant();
        }

        if (f.Has("address"))
        {
            customer.AddressJson = null;
            if (f.Object("address") is { } a)
            {
                var address = new Address
                {
                    Country = a.String("country", min: 2, max: 2),
                    Line1 = a.String("line1", max: 200),
                    Line2 = a.String("line2", max: 200),
                    City = a.String("city", max: 200),
                    State = a.String("state", max: 200),
                    PostalCode = a.String("postal_code", max: 20),
                };
                a.RejectUnknown();
                customer.AddressJson = JsonSerializer.Serialize(address, ServerJson.Options);
            }
        }

        if (Metadata.ReadForUpdate(f, customer.MetadataJson) is { } metadata)
        {
            customer.MetadataJson = metadata;
        }

        f.RejectUnknown();
        v.ThrowIfAny();
        customer.UpdatedAt = time.UtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw ApiException.Invalid("email", "Another customer in this mode already has this email.", "email_taken");
        }

        return TypedResults.Ok(mapper.Customer(customer));
    }
}
