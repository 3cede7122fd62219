"""`trygg db_worker`: django-tasks' worker, which first reclaims jobs a dead worker left running."""

from django_tasks_db.management.commands.db_worker import Command as WorkerCommand

from trygg.incidents.tasks import reclaim_stale_jobs


class Command(WorkerCommand):
    def handle(self, *args, **options) -> None:
        # A killed worker leaves its job "running" forever; the next one to start says so.
        reclaim_stale_jobs()
        super().handle(*args, **options)
