/** Docker Hub search data for the official repositories: descriptions and stars as Hub shows them. */
export const OFFICIAL_SEARCH: [name: string, description: string, stars: number][] = [
  ['hello-world', 'Hello World! (an example of minimal Dockerization)', 2372],
  ['busybox', 'Busybox base image.', 3380],
  ['alpine', 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!', 11162],
  ['ubuntu', 'Ubuntu is a Debian-based Linux operating system based on free software.', 17523],
  ['debian', 'Debian is a Linux distribution that\'s composed entirely of free and open-source software.', 5113],
  ['centos', 'DEPRECATED; The official build of CentOS.', 7762],
  ['nginx', 'Official build of Nginx.', 20681],
  ['redis', 'Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.', 13004],
  ['python', 'Python is an interpreted, interactive, object-oriented, open-source programming language.', 10032],
  ['golang', 'Go (golang) is a general purpose, higher-level, imperative programming language.', 4961],
  ['node', 'Node.js is a JavaScript-based platform for server-side and networking applications.', 13812],
  ['mysql', 'MySQL is a widely used, open-source relational database management system (RDBMS).', 15935],
  ['mongo', 'MongoDB document databases provide high availability and easy scalability.', 10471],
  ['httpd', 'The Apache HTTP Server Project', 4856],
  ['tomcat', 'Apache Tomcat is an open source implementation of the Java Servlet and JavaServer Pages technologies', 3749],
  ['registry', 'Distribution implementation for storing and distributing of container images and artifacts', 4212],
  ['mariadb', 'MariaDB Server is a high performing open source relational database, forked from MySQL.', 6088],
  ['postgres', 'The PostgreSQL object-relational database system provides reliability and data integrity.', 14087],
];

/** Popular community repositories, so `docker search tomcat` / `mysql` lists more than one line. */
export const COMMUNITY_SEARCH: [name: string, description: string, stars: number][] = [
  ['bitnami/tomcat', 'Bitnami container image for Tomcat', 52],
  ['tomee', 'Apache TomEE is an all-Apache Java EE certified stack where Apache Tomcat is default.', 114],
  ['bitnami/mysql', 'Bitnami container image for MySQL', 122],
  ['mysql/mysql-server', 'Optimized MySQL Server Docker images. Created, maintained and supported by the MySQL team.', 1029],
  ['circleci/mysql', 'MySQL is a widely used, open-source relational database management system (RDBMS).', 30],
  ['bitnami/redis', 'Bitnami container image for Redis', 336],
  ['bitnami/nginx', 'Bitnami container image for NGINX', 193],
  ['nginx/nginx-ingress', 'NGINX and  NGINX Plus Ingress Controllers for Kubernetes', 97],
  ['bitnami/mongodb', 'Bitnami container image for MongoDB', 248],
  ['ubuntu/nginx', 'Nginx, a high-performance reverse proxy & web server. Long-term tracks maintained by Canonical.', 127],
  ['ubuntu/mysql', 'MySQL open source fast, stable, multi-thread database. Long-term tracks maintained by Canonical.', 66],
  ['bitnami/node', 'Bitnami container image for Node.js', 76],
  ['bitnami/python', 'Bitnami container image for Python', 28],
];
