import PantauCore
import PostgresNIO
