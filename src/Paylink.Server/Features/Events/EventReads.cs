using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Events;

public static class EventReads
{
    /// <summary>The event with this id in the caller's mode; a 404 when there is none.</summary>
    public static async Task<EventRecord> FindAsync(PaylinkDbContext db, string id, bool livemode, CancellationToken cancellationToken) =>
        await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.Livemode == livemode, cancellationToken)
        ?? throw ApiException.Missing("event", id);
}
