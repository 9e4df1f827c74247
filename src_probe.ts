import 'reflect-metadata';
import { Container, inject, injectable, type ServiceIdentifier } from 'inversify';
const A: ServiceIdentifier<{ x: number }> = Symbol.for('A');
@injectable()
class B { constructor(@inject(A) readonly a: { x: number }) {} }
const c = new Container();
c.bind(A).toConstantValue({ x: 7 });
c.bind(B).toSelf();
console.log(c.get(B).a.x);
