// Routes reach the database through this .server module so the browser bundle never pulls in the driver.
export { getDatabase, getSql } from '../../prisma-free-sql/db'
