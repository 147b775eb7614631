using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Paylink.Client;
using Paylink.Data;
using Paylink.Server.Infrastructure.Auth;
using Paylink.Server.Infrastructure.Lists;

namespace Paylink.Server.Features.Events;

/// <summary>Listing and reading events. Sending one again is the webhooks' business: see <c>EventRetryEndpoints</c>.</summary>
public static class EventEndpoints
{
    public static void MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events").WithTags("Events");
        group.MapGet("/", List).WithName("ListEvents").WithSummary("List events of this mode, newest first (filter: type).");
        group.MapGet("/{id}", Retrieve).WithName("RetrieveEvent").WithSummary("Retrieve an event.");
    }

    private static async Task<Ok<PagedList<Event>>> List(HttpRequest request, PaylinkDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var list = ListRequest.Parse(request.Query, ["created_at"], ["type"]);
        var type = ListRequest.NonEmpty(request.Query, "type");
        var inMode = db.Events.AsNoTracking().Where(e => e.Livemode == caller.Livemode);
        var filtered = type is null ? inMode : inMode.Where(e => e.Type == type);
        return TypedResults.Ok(await ListPage.BuildAsync(filtered, inMode, list, EventMapping.ToWire, cancellationToken));
    }

    private static async Task<Ok<Event>> Retrieve(string id, PaylinkDbContext db, Caller caller, CancellationToken cancellationToken) =>
        TypedResults.Ok(EventMapping.ToWire(await EventReads.FindAsync(db, id, caller.Livemode, cancellationToken)));
}
