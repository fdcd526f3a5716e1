-module(app_brainfuck).
-export([main/0]).

%% A Brainfuck interpreter: the program in a tuple, the tape in an array,
%% jumps precomputed into a map; output collected into a binary.
main() ->
    Hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.",
    erlang:display(run(Hello, <<>>)),
    Rev = ">,[>,]<[.<]",
    erlang:display(run(Rev, <<"reverse">>)),
    Add = ",>,[<+>-]<.",
    erlang:display(run(Add, <<20, 22>>)),
    Squares = "++++[>+++++<-]>[<+++++>-]+<+[>[>+>+<<-]++>>[<<+>>-]>>>[-]++>[-]+>>>+[[-]++++++>>>]<<<[[<++++++++<++>>-]+<.<[>----<-]<]<<[>>>>>[>>>[-]+++++++++<[>-<-]+++++++++>[-[<->-]+[<<<]]<[>+<-]>]<<-]<<-]",
    Out = run(Squares, <<>>),
    erlang:display({byte_size(Out), binary:part(Out, 0, 30)}),
    ok.

run(Src, Input) ->
    Prog = list_to_tuple([C || C <- Src, lists:member(C, "+-<>[].,")]),
    Jumps = jumps(Prog, 1, [], #{}),
    exec(Prog, Jumps, 1, array:new([{default, 0}]), 0, Input, <<>>).

jumps(P, I, Stack, J) when I > tuple_size(P) -> [] = Stack, J;
jumps(P, I, Stack, J) ->
    case element(I, P) of
        $[ -> jumps(P, I + 1, [I | Stack], J);
        $] -> [O | S] = Stack, jumps(P, I + 1, S, J#{O => I, I => O});
        _ -> jumps(P, I + 1, Stack, J)
    end.

exec(P, _, Pc, _, _, _, Out) when Pc > tuple_size(P) -> Out;
exec(P, J, Pc, Tape, Ptr, In, Out) ->
    case element(Pc, P) of
        $+ -> exec(P, J, Pc + 1, array:set(Ptr, (array:get(Ptr, Tape) + 1) band 255, Tape), Ptr, In, Out);
        $- -> exec(P, J, Pc + 1, array:set(Ptr, (array:get(Ptr, Tape) - 1) band 255, Tape), Ptr, In, Out);
        $> -> exec(P, J, Pc + 1, Tape, Ptr + 1, In, Out);
        $< -> exec(P, J, Pc + 1, Tape, Ptr - 1, In, Out);
        $. -> exec(P, J, Pc + 1, Tape, Ptr, In, <<Out/binary, (array:get(Ptr, Tape))>>);
        $, ->
            {C, In2} = case In of <<X, R/binary>> -> {X, R}; <<>> -> {0, <<>>} end,
            exec(P, J, Pc + 1, array:set(Ptr, C, Tape), Ptr, In2, Out);
        $[ ->
            case array:get(Ptr, Tape) of
                0 -> exec(P, J, maps:get(Pc, J) + 1, Tape, Ptr, In, Out);
                _ -> exec(P, J, Pc + 1, Tape, Ptr, In, Out)
            end;
        $] ->
            case array:get(Ptr, Tape) of
                0 -> exec(P, J, Pc + 1, Tape, Ptr, In, Out);
                _ -> exec(P, J, maps:get(Pc, J) + 1, Tape, Ptr, In, Out)
            end
    end.
